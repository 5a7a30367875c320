/**
 * `.model-lens.json`, the project's own settings at a workspace folder's root, for every editor and for the CLI:
 * the keys of the `modelLens.*` settings, as JSON with comments. How it combines with the editor's settings:
 * list settings (`allow`, `exclude`, `cardPaths`, `catalogs`) are joined; a rule's severity and the numbers
 * (`maxFileSize`, `maxProblems`) are the file's where it sets them, since the file is what the whole team and
 * CI share. Pure functions (`cards/projectFile` reads the file), so the browser build has them too.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { RULE_CODES } from './diagnostics/rules';
import { messages, type Locale, type Messages } from './messages';
import { DEFAULT_EXCLUDE, MAX_LIST_ENTRIES, SEVERITIES } from './settings';

export const PROJECT_CONFIG_FILE = '.model-lens.json';

/** Is this path (or URI) a project file? */
export const isProjectConfigPath = (p: string): boolean => /(?:^|[\\/])\.model-lens\.json$/.test(p);

const LIST_KEYS = ['allow', 'exclude', 'cardPaths', 'catalogs'] as const;
const NUMBER_KEYS = ['maxFileSize', 'maxProblems'] as const;
/** The keys that make Model Lens read other files or more of them: in an untrusted workspace (Restricted Mode) they wait for trust. */
export const RESTRICTED_KEYS: readonly string[] = ['cardPaths', 'catalogs', 'maxFileSize'];

/** The file as an untrusted workspace may use it: without the restricted keys. */
export function untrusted(config: ProjectConfig): ProjectConfig {
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(config.values)) if (!RESTRICTED_KEYS.includes(k)) values[k] = v;
  return { values, problems: config.problems };
}

/** The keys the file takes, in the order the schema and the messages list them. */
export const PROJECT_KEYS: readonly string[] = ['allow', 'exclude', 'rules', 'cardPaths', 'catalogs', 'maxFileSize', 'maxProblems'];

/** A problem with the file's content, by offsets in its text. */
export interface ConfigProblem {
  start: number;
  end: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface ProjectConfig {
  /** The settings the file gives, well-formed ones only (a key with a wrong value is left out and reported). */
  values: Record<string, unknown>;
  problems: ConfigProblem[];
}

/** A plain object (not null, not a list). */
export const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Read the file's text: its settings, and what is wrong with it. Never throws. */
export function parseProjectConfig(text: string, locale: Locale = 'en'): ProjectConfig {
  const say = messages(locale);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.slice(0, 20).map((e) => ({
    start: e.offset,
    end: e.offset + Math.max(e.length, 1),
    severity: 'error',
    message: say.configNotJson(printParseErrorCode(e.error)),
  }));
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (errors.length > 0 || !root) return { values, problems };
  if (root.type !== 'object') {
    problems.push({ start: root.offset, end: root.offset + root.length, severity: 'error', message: say.configNotObject() });
    return { values, problems };
  }
  const seen = new Set<string>();
  for (const member of root.children ?? []) {
    const [keyNode, valueNode] = member.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    // Where the editor finds the file's schema.
    if (key === '$schema') continue;
    const at = (n: Node) => ({ start: n.offset, end: n.offset + n.length });
    if (!PROJECT_KEYS.includes(key)) {
      problems.push({ ...at(keyNode), severity: 'warning', message: say.configUnknownKey(key, PROJECT_KEYS) });
      continue;
    }
    if (seen.has(key)) problems.push({ ...at(keyNode), severity: 'warning', message: say.configRepeated(key) });
    seen.add(key);
    const wrong = problemOf(key, valueNode, say);
    if (wrong) problems.push({ ...at(wrong.node), severity: 'error', message: wrong.message });
    else values[key] = nodeValue(valueNode);
  }
  return { values, problems };
}

/** What is wrong with a key's value, if anything (the first problem, where it is). */
function problemOf(key: string, node: Node, say: Messages): { node: Node; message: string } | null {
  if ((LIST_KEYS as readonly string[]).includes(key)) {
    if (node.type !== 'array') return { node, message: say.configList(key) };
    const bad = (node.children ?? []).find((c) => c.type !== 'string');
    return bad ? { node: bad, message: say.configListEntry(key) } : null;
  }
  if ((NUMBER_KEYS as readonly string[]).includes(key)) {
    return node.type === 'number' && typeof node.value === 'number' && node.value >= 1 ? null : { node, message: say.configNumber(key, key === 'maxFileSize' ? 'bytes' : 'problems') };
  }
  // rules
  if (node.type !== 'object') return { node, message: say.configRules() };
  for (const member of node.children ?? []) {
    const [k, v] = member.children ?? [];
    if (!k || !v) continue;
    if (!(RULE_CODES as readonly string[]).includes(String(k.value))) return { node: k, message: say.configRuleCode(String(k.value), RULE_CODES) };
    if (v.type !== 'string' || !(SEVERITIES as readonly string[]).includes(String(v.value))) return { node: v, message: say.configSeverity(SEVERITIES) };
  }
  return null;
}

/** The plain value of a node (objects without prototype keys). */
function nodeValue(node: Node): unknown {
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  if (node.type === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const member of node.children ?? []) {
      const [k, v] = member.children ?? [];
      if (k && v) out[String(k.value)] = nodeValue(v);
    }
    return out;
  }
  return node.value as unknown;
}

/**
 * The editor's `modelLens` settings (untrusted, as the client gave them) with the project files of the workspace
 * folders, first folder first: lists joined, rules and numbers from the files where they set them. The result is
 * read by `readSettings`.
 */
export function withProjectConfig(editor: unknown, projects: readonly ProjectConfig[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const base = isPlain(editor) ? editor : {};
  for (const [k, v] of Object.entries(base)) out[k] = v;
  for (const key of LIST_KEYS) {
    // An editor that sends no list has the default one (VS Code sends the manifest's): the file's entries join it.
    const own = Array.isArray(base[key]) ? (base[key] as unknown[]) : key === 'exclude' ? DEFAULT_EXCLUDE : [];
    // A set, and no more entries than the settings keep: a cloned repository's file may hold hundreds of thousands.
    const joined = new Set<unknown>(own.slice(0, MAX_LIST_ENTRIES * 2));
    for (const p of projects) if (Array.isArray(p.values[key])) for (const x of (p.values[key] as unknown[]).slice(0, MAX_LIST_ENTRIES * 2)) joined.add(x);
    if (joined.size || key in base) out[key] = [...joined];
  }
  const rules: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (isPlain(base.rules)) for (const [k, v] of Object.entries(base.rules)) rules[k] = v;
  // The first folder's file wins: applied last.
  for (const p of [...projects].reverse()) if (isPlain(p.values.rules)) for (const [k, v] of Object.entries(p.values.rules)) rules[k] = v;
  out.rules = rules;
  for (const key of NUMBER_KEYS) for (const p of [...projects].reverse()) if (typeof p.values[key] === 'number') out[key] = p.values[key];
  return out;
}

