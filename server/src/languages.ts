/**
 * The one table of languages Model Lens reads. The scanner takes its mode and
 * comment syntax from it, the CLI its file names and extensions, the VS Code
 * client its document selector and Check Workspace glob, and a test checks
 * the manifest's activation events against it.
 */

/** How a language is scanned. */
type ScanMode = 'code' | 'json' | 'shell' | 'yaml' | 'keyvalue' | 'prose' | 'markdown';

export interface LanguageSpec {
  mode: ScanMode;
  /** Line-comment openers, the first being the one used to insert a comment. */
  line: readonly string[];
  /** Block-comment delimiters. */
  block: ReadonlyArray<readonly [string, string]>;
  /** Python-style string prefixes (r, b, f, u…) and triple quotes. */
  python?: boolean;
  /** Back quotes delimit strings (JS/TS template literals, Go raw strings). */
  backtick?: boolean;
  /** Back-quoted strings have no escapes (Go raw strings). */
  rawBacktick?: boolean;
  /** C# verbatim (@"…"), interpolated ($"…") and raw ("""…""") strings. */
  csharp?: boolean;
  /** TOML/INI/properties/.env style: comment openers and key/value separators. */
  keyvalue?: { comments: readonly string[]; separators: string };
  /** Comments cannot be inserted (JSON). */
  noComments?: boolean;
}

interface Language extends LanguageSpec {
  /** The language id editors use (VS Code's ids). */
  id: string;
  /** Extensions (lower case, with the dot) of files the CLI reads as this language. */
  extensions: readonly string[];
  /** Names in a Markdown fence (```py) besides the id itself. */
  fences?: readonly string[];
}

const C_LIKE = { mode: 'code', line: ['//'], block: [['/*', '*/']] } as const;
/** JSON and JSON with comments: a scanner of their own (JSON5's unquoted keys and other forms go with code). */
const JSON_LIKE = { ...C_LIKE, mode: 'json' } as const;
const HASH = { mode: 'code', line: ['#'], block: [] } as const;
const YAML = { mode: 'yaml', line: ['#'], block: [] } as const;
const keyvalue = (comments: readonly string[], separators: string) => ({ mode: 'keyvalue', line: comments, block: [], keyvalue: { comments, separators } }) as const;

export const LANGUAGES: readonly Language[] = [
  { id: 'python', ...HASH, python: true, extensions: ['.py', '.pyi'], fences: ['py', 'python3'] },
  { id: 'javascript', ...C_LIKE, backtick: true, extensions: ['.js', '.mjs', '.cjs'], fences: ['js', 'node'] },
  { id: 'javascriptreact', ...C_LIKE, backtick: true, extensions: ['.jsx'], fences: ['jsx'] },
  { id: 'typescript', ...C_LIKE, backtick: true, extensions: ['.ts', '.mts', '.cts'], fences: ['ts'] },
  { id: 'typescriptreact', ...C_LIKE, backtick: true, extensions: ['.tsx'], fences: ['tsx'] },
  { id: 'vue', ...C_LIKE, backtick: true, extensions: ['.vue'] },
  { id: 'svelte', ...C_LIKE, backtick: true, extensions: ['.svelte'] },
  { id: 'json', ...JSON_LIKE, noComments: true, extensions: ['.json'] },
  { id: 'jsonc', ...JSON_LIKE, extensions: ['.jsonc'] },
  { id: 'json5', ...C_LIKE, extensions: ['.json5'] },
  { id: 'jsonl', ...C_LIKE, extensions: ['.jsonl'] },
  { id: 'java', ...C_LIKE, extensions: ['.java'] },
  { id: 'kotlin', ...C_LIKE, extensions: ['.kt', '.kts'], fences: ['kt'] },
  { id: 'scala', ...C_LIKE, extensions: ['.scala'] },
  { id: 'groovy', ...C_LIKE, extensions: ['.groovy', '.gradle'] },
  { id: 'go', ...C_LIKE, backtick: true, rawBacktick: true, extensions: ['.go'], fences: ['golang'] },
  { id: 'csharp', ...C_LIKE, csharp: true, extensions: ['.cs'], fences: ['cs', 'c#'] },
  { id: 'c', ...C_LIKE, extensions: ['.c', '.h'] },
  { id: 'cpp', ...C_LIKE, extensions: ['.cpp', '.cc', '.hpp'], fences: ['c++'] },
  { id: 'rust', ...C_LIKE, extensions: ['.rs'], fences: ['rs'] },
  { id: 'swift', ...C_LIKE, extensions: ['.swift'] },
  { id: 'dart', ...C_LIKE, extensions: ['.dart'] },
  { id: 'php', mode: 'code', line: ['//', '#'], block: [['/*', '*/']], extensions: ['.php'] },
  { id: 'ruby', ...HASH, extensions: ['.rb'], fences: ['rb'] },
  { id: 'shellscript', mode: 'shell', line: ['#'], block: [], extensions: ['.sh', '.bash', '.zsh'], fences: ['sh', 'bash', 'shell', 'zsh', 'console'] },
  { id: 'powershell', mode: 'code', line: ['#'], block: [['<#', '#>']], extensions: ['.ps1'], fences: ['ps1', 'pwsh'] },
  { id: 'r', ...HASH, extensions: ['.r'] },
  { id: 'yaml', ...YAML, extensions: ['.yaml', '.yml'], fences: ['yml'] },
  { id: 'github-actions-workflow', ...YAML, extensions: [] },
  { id: 'dockercompose', ...YAML, extensions: [] },
  { id: 'toml', ...keyvalue(['#'], '='), extensions: ['.toml'] },
  { id: 'ini', ...keyvalue([';', '#'], '=:'), extensions: ['.ini', '.cfg'] },
  { id: 'properties', ...keyvalue(['#', '!'], '=:'), extensions: ['.properties'] },
  { id: 'dotenv', ...keyvalue(['#'], '='), extensions: ['.env'], fences: ['env'] },
  { id: 'markdown', mode: 'markdown', line: [], block: [], extensions: ['.md', '.markdown'], fences: ['md'] },
  { id: 'mdx', mode: 'markdown', line: [], block: [], extensions: ['.mdx'] },
  { id: 'plaintext', mode: 'prose', line: [], block: [], extensions: ['.txt'], fences: ['text', 'txt'] },
];

/** Languages the table does not know: strings in both quote styles, the common comment syntaxes. */
export const GENERIC: LanguageSpec = { mode: 'code', line: ['//', '#'], block: [['/*', '*/']], backtick: true };

const byId = new Map(LANGUAGES.map((l) => [l.id, l]));
const byExtension = new Map(LANGUAGES.flatMap((l) => l.extensions.map((e) => [e, l.id] as const)));
const byFence = new Map(LANGUAGES.flatMap((l) => [l.id, ...(l.fences ?? [])].map((f) => [f, l] as const)));

/** The scanning rules of a language id; unknown ids get the generic ones. */
export function languageSpec(languageId: string): LanguageSpec {
  return byId.get(languageId) ?? GENERIC;
}

/** The language of a Markdown fence's info string (```py, ```TypeScript), or undefined when unknown. */
export function fenceLanguage(tag: string): Language | undefined {
  return byFence.get(tag.toLowerCase());
}

/** The language of a file by its name, or null for files the CLI does not read. `.env`, `.env.local` and `prod.env` are dotenv. */
export function languageOfFile(file: string): string | null {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  if (base === '.env' || base.startsWith('.env.')) return 'dotenv';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  return byExtension.get(base.slice(dot).toLowerCase()) ?? null;
}

/** How to write a line comment in this language when inserting one, or null when it has none. */
export function lineCommentFor(languageId: string): { open: string; close: string } | null {
  const spec = languageSpec(languageId);
  if (spec.mode === 'markdown') return { open: '<!--', close: '-->' };
  if (spec.noComments) return null;
  if (spec.line.length) return { open: spec.line[0], close: '' };
  if (spec.block.length) return { open: spec.block[0][0], close: spec.block[0][1] };
  return null;
}

/** Every file the CLI reads, as globs without nested braces (for VS Code's Check Workspace): by extension, and `.env.*` files. */
export const FILE_GLOBS: readonly string[] = [`**/*.{${[...byExtension.keys()].map((e) => e.slice(1)).join(',')}}`, '**/.env', '**/.env.*'];
