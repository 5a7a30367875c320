/**
 * The check: every rule over every candidate of a document, plus the card
 * problems when the document is itself a model card. Shared by the language
 * server and `model-lens check`. Pure: text in, findings out.
 */
import { canonicalBoxSpelling, parseDocument, type CardDiagnostic, type ModelEntry, type Registry, type Severity, type Suggestion } from '../registry';
import { isAboutNames, scan as scanText, type ScanResult } from '../scanner';
import { isBoxShaped, isNameLike } from '../scanner/shape';
import { DEFAULT_RULES, type Settings } from '../settings';
import { matchGlob } from '../util/glob';
import { LineIndex } from '../util/lineIndex';
import { RULES, type RuleCode } from './rules';
import { suppressions } from './suppression';
import type { Finding, RuleContext, RuleFinding } from './types';

/** Typo lookups per file: beyond this many distinct unknown names, no more suggestions are searched for. */
const MAX_LOOKUPS = 500;

interface CheckInput {
  text: string;
  languageId: string;
  /** The file's path (for card files and `exclude`); absent for untitled documents. */
  path?: string;
  registry: Registry;
  settings: Settings;
  /** A scan already made of this text. */
  scan?: ScanResult;
  /** Where a model's card or documentation is, for each finding's link. */
  hrefFor?: (entry: ModelEntry) => string | null;
  /** Card problems the registry found for this file (conflicts with other cards, tile mismatches). */
  registryDiagnostics?: readonly CardDiagnostic[];
}

type Skip = { reason: 'excluded' | 'too-large' | 'minified'; message: string };

export interface CheckResult {
  findings: Finding[];
  skipped: Skip | null;
}

/** Is this file excluded by `modelLens.exclude`? Paths are matched relative to the workspace when given so. */
export function isExcluded(relativePath: string, settings: Settings): boolean {
  return settings.exclude.some((g) => matchGlob(g, relativePath));
}

/** Minified or generated: a very long line anywhere, or long lines on average. One pass over the newlines. */
function looksMinified(text: string): boolean {
  let longest = 0;
  let lines = 1;
  let last = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i - last > longest) longest = i - last;
    last = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - last);
  return longest > 5_000 || (text.length > 10_000 && text.length / lines > 500);
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

function severityFor(code: RuleCode, settings: Settings, fallback: Severity): Severity | null {
  const s = settings.rules[code] ?? DEFAULT_RULES[code];
  if (s === 'off') return null;
  return s ?? fallback;
}

/** `allow` entries are names or globs (`azure__openai__my_*`). */
function isAllowed(name: string, settings: Settings): boolean {
  return settings.allow.some((a) => a === name || (/[*?[{]/.test(a) && matchGlob(a, name)));
}

export function checkText(input: CheckInput): CheckResult {
  const { text, registry, settings } = input;
  if (text.length > settings.maxFileSize) {
    return { findings: [], skipped: { reason: 'too-large', message: `Model Lens skipped this file: it is larger than modelLens.maxFileSize (${settings.maxFileSize} bytes).` } };
  }
  if (looksMinified(text)) {
    return { findings: [], skipped: { reason: 'minified', message: 'Model Lens skipped this file: it looks minified or generated.' } };
  }
  const scan = input.scan ?? scanText(text, input.languageId);
  const lines = new LineIndex(text);
  const suppressed = suppressions(scan, lines);
  const findings: Finding[] = [];
  // Suggestions: one lookup per distinct text, and no more than MAX_LOOKUPS per file.
  const suggestions = new Map<string, readonly Suggestion[]>();
  const suggest = (t: string): readonly Suggestion[] => {
    const hit = suggestions.get(t);
    if (hit) return hit;
    const found = suggestions.size < MAX_LOOKUPS ? registry.nearest(t, 3) : [];
    suggestions.set(t, found);
    return found;
  };
  const push = (f: RuleFinding, fallback: Severity, entry?: ModelEntry) => {
    let severity = severityFor(f.code, settings, fallback);
    if (severity !== null && f.cap && SEVERITY_RANK[severity] > SEVERITY_RANK[f.cap]) severity = f.cap;
    if (severity === null || suppressed(lines.position(f.start).line, f.code)) return;
    findings.push({ ...f, severity, href: entry && input.hrefFor ? input.hrefFor(entry) : null });
  };

  const isCardFile = /\.(?:md|mdx|markdown|txt)$/i.test(input.path ?? '') || input.languageId === 'markdown';
  const card = isCardFile ? parseDocument(input.path ?? 'untitled.md', text) : null;
  if (card && card.kind !== 'unknown') {
    // A model card: its own problems, not the rules for code that uses names.
    cardFindings(card.diagnostics, input.registryDiagnostics ?? [], lines, push);
    findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
    return { findings, skipped: null };
  }
  if (card) cardFindings(card.diagnostics, [], lines, push);
  if (input.registryDiagnostics && /\.json$/i.test(input.path ?? '')) {
    // One of the user's catalogue files: its own problems, not the rules for code.
    cardFindings([], input.registryDiagnostics, lines, push);
    return { findings, skipped: null };
  }

  for (const candidate of scan.candidates) {
    const text = candidate.value.text;
    if (candidate.inComment || text === '' || !isNameLike(text) || isAllowed(text, settings) || isAboutNames(candidate)) continue;
    const resolved = registry.resolve(text);
    const exact = resolved?.match;
    let meant = exact?.entry;
    // Namespaces stay apart: only a Box-shaped name can mean a Box name, and only another name a vendor id
    // (`google-gemini-2.5-pro` is a gateway's spelling, not a misspelt `google__gemini_2_5_pro`).
    const boxy = isBoxShaped(text);
    if (!meant) {
      const folded = registry.findNormalized(text).filter((m) => (m.entry.namespace === 'box') === boxy);
      meant = folded.length === 1 ? folded[0].entry : undefined;
    }
    if (!meant && boxy) {
      const canonical = canonicalBoxSpelling(text);
      meant = canonical ? registry.get(canonical)?.entry : undefined;
    }
    if (meant && isAllowed(meant.name, settings)) continue;
    const ctx: RuleContext = { candidate, scan, registry, exact, meant, reading: resolved?.reading ?? null, suggest };
    for (const rule of RULES) for (const f of rule.check(ctx)) push(f, 'warning', meant);
  }

  findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  return { findings, skipped: null };
}

/** The card-* problems (and name-format) of a model card open in the editor. */
function cardFindings(
  own: readonly CardDiagnostic[],
  fromRegistry: readonly CardDiagnostic[],
  lines: LineIndex,
  push: (f: RuleFinding, fallback: Severity) => void,
): void {
  const seen = new Set<string>();
  for (const d of [...own, ...fromRegistry]) {
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const start = lines.lineStart(d.line) + d.column;
    const end = lines.lineStart(d.endLine) + d.endColumn;
    push({ code: d.code, message: d.message, start, end: Math.max(end, start), suggestions: d.suggestions, preferred: d.suggestions.length === 1, name: null }, d.severity);
  }
}
