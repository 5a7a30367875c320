/**
 * The check: every rule over every candidate of a document, plus the card
 * problems when the document is itself a model card. Shared by the language
 * server and `model-lens check`. Pure: text in, findings out.
 */
import { parseDocument, type CardDiagnostic, type ModelEntry, type Registry, type Severity, type Suggestion } from '../registry';
import { isAboutNames, scanSteps, type Candidate, type ScanResult } from '../scanner';
import { isNameLike } from '../scanner/shape';
import { messages, type Locale } from '../messages';
import { cardText } from '../messages/cards';
import { isProjectConfigPath, parseProjectConfig } from '../projectConfig';
import { DEFAULT_RULES, type Settings } from '../settings';
import { GlobList } from '../util/glob';
import { LineIndex } from '../util/lineIndex';
import { drain, type Steps } from '../util/steps';
import { RULES, type RuleCode } from './rules';
import { resolveName, type Resolution } from './resolve';
import { RuleMemo, type Lookup, type RuleResult } from './memo';
import { suppressions } from './suppression';
import { NO_FINDINGS, type Finding, type RuleContext, type RuleFinding } from './types';
import { localeOrder } from '../util/order';

/** Typo lookups per file: beyond this many distinct unknown names, no more suggestions are searched for. */
const MAX_LOOKUPS = 500;

interface CheckInput {
  text: string;
  languageId: string;
  /** The file's path (for card files and `exclude`); absent for untitled documents. */
  path?: string;
  /** The path relative to the workspace or project (tells test files apart); the path when not given. */
  relativePath?: string;
  registry: Registry;
  settings: Settings;
  /** A scan already made of this text. */
  scan?: ScanResult;
  /** Where a model's card or documentation is, for each finding's link. */
  hrefFor?: (entry: ModelEntry) => string | null;
  /** Card problems the registry found for this file (conflicts with other cards, tile mismatches). */
  registryDiagnostics?: readonly CardDiagnostic[];
  /** What the rules found for the candidates of this document's last check (see `memo`). */
  memo?: RuleMemo;
  /** The language of the messages (English unless given). */
  locale?: Locale;
}

type Skip = { reason: 'excluded' | 'too-large' | 'minified'; message: string };

export interface CheckResult {
  findings: Finding[];
  skipped: Skip | null;
  /** More problems were found than `maxProblems`: only the first ones are in `findings`. */
  capped: boolean;
}

/** The message of a capped file, said once. */
export function cappedMessage(settings: Settings, locale: Locale = 'en'): string {
  return messages(locale).capped(settings.maxProblems);
}

/** Is this file excluded by `modelLens.exclude`? Paths are matched relative to the workspace when given so. */
export function isExcluded(relativePath: string, settings: Settings): boolean {
  return listOf(settings.exclude, 'glob').matches(relativePath);
}

/** One compiled list per settings list: a pull asks about the same names many times. */
const lists = new WeakMap<readonly string[], GlobList>();
function listOf(entries: readonly string[], plain: 'exact' | 'glob'): GlobList {
  let list = lists.get(entries);
  if (!list) {
    list = new GlobList(entries, plain);
    lists.set(entries, list);
  }
  return list;
}

/** Minified or generated: very long lines in a short file, or long lines on average. One pass over the newlines. */
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
  // A pretty-printed file with a few long lines (embedded source, a data URI) is not minified.
  return (longest > 5_000 && lines < 50) || (text.length > 10_000 && text.length / lines > 500);
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

function severityFor(code: RuleCode, settings: Settings, fallback: Severity): Severity | null {
  const s = settings.rules[code] ?? DEFAULT_RULES[code];
  if (s === 'off') return null;
  return s ?? fallback;
}

/** `allow` entries are names or globs (`azure__openai__my_*`). */
function isAllowed(name: string, settings: Settings): boolean {
  return listOf(settings.allow, 'exact').matches(name);
}

const NO_LOOKUPS: readonly Lookup[] = Object.freeze([]);

/** What a text of a file means, worked out once: its resolution, the lookups that took, whether the settings allow the name, the rules that may apply. */
interface Resolved {
  resolution: Resolution;
  lookups: readonly Lookup[];
  allowed: boolean;
  rules: ReadonlyArray<(typeof RULES)[number]>;
}

/** What a text alone may say of a candidate, as bits: not a name to check (empty, not name-like, allowed by the settings)… */
const NOT_A_NAME = 1;
/** …or written like a name for people: capitals, and no entry of the registry is spelt so. */
const DISPLAY_NAME = 2;

/** Just before a name, the signs of it being used or recommended as a model: `model=`, `"model": "`, `Model = `, `--model `, `-m `, `e.g. `. */
const MODEL_USE_BEFORE = /(?:\bmodel(?:_?name|_?id)?["']?\s*(?::|=>?)\s*["'`]?|--model[= ]["']?|\s-m\s["']?|\b(?:e\.g\.,?|for example,?|such as|defaults? to|default:|example:)\s*["'`]?)$/i;

/** A test file: under a `test`/`tests`/`__tests__`/`spec` folder, or named like `test_x.py`, `x_test.go`, `x.test.ts`, `x.spec.js`. */
function isTestFile(file: string): boolean {
  const p = file.replace(/\\/g, '/');
  return /(?:^|\/)(?:tests?|__tests__|specs?)\//.test(p) || /(?:^|\/)(?:test_[^/]*|[^/]*_test\.[a-z]+|[^/]*\.(?:test|spec)\.[a-z]+)$/.test(p);
}

/** Changelogs, release notes, news, blog posts, and recorded test data (fixtures, cassettes, snapshots): text about the past. */
function isHistoryFile(file: string): boolean {
  const p = file.replace(/\\/g, '/');
  return (
    /(?:^|\/)(?:change_?log|changes|history|news|releases?|release[-_ ]?notes?)(?:\.[a-z]+)?$/i.test(p) ||
    /(?:^|\/)(?:_posts|blog|posts|changelogs?|release[-_]?notes?|news|fixtures|cassettes|__snapshots__|snapshots|testdata|golden)\//i.test(p)
  );
}

/** Sorted, one finding per place and code. */
function finish(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .sort((a, b) => a.start - b.start || localeOrder(a.code, b.code))
    .filter((f) => {
      const key = `${f.start}:${f.end}:${f.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Display names and deployments: a sentence about models. */
const PROSE_ABOUT = /\b(?:GPT-\d|GPT-4o|Claude \d|Claude (?:Opus|Sonnet|Haiku|Instant)|DeepSeek|Gemini \d|Llama \d|Grok \d|Mistral [A-Z]|OpenAI o\d)|deployment|via Azure/;
/** A `[` not closed before the name: the name is in a link's text. */
const IN_LINK_TEXT = /\[[^\]\n]*$/;

/** Is a word of prose in a sentence about models, or in a link's text? The line around it: 200 characters before, 80 after. */
function aboutModels(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 200);
  let to = text.indexOf('\n', end);
  if (to < 0 || to > end + 80) to = Math.min(text.length, end + 80);
  const before = text.slice(from, start);
  return IN_LINK_TEXT.test(before) || PROSE_ABOUT.test(`${before}\u0000${text.slice(end, to)}`);
}

/** A setting of an entry whose own model is retired or deprecated (`weak_model_name:` under `name: gpt-4-0613`): the whole entry is obsolete. */
function inDeadEntry(candidate: Candidate, registry: Registry): boolean {
  const own = candidate.key !== 'name' ? candidate.container.pairs.get('name') : undefined;
  const status = own ? registry.resolve(own.text)?.match.entry.status : undefined;
  return status === 'retired' || status === 'deprecated';
}

/** The text of the line before an offset (at most 80 characters). */
function lineBefore(text: string, offset: number): string {
  const from = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 80);
  return text.slice(from, offset);
}

export function checkText(input: CheckInput): CheckResult {
  return drain(checkSteps(input));
}

/** The same check in steps (see `util/steps`): the server runs it in slices and can stop it. */
export function* checkSteps(input: CheckInput): Steps<CheckResult> {
  const { text, registry, settings } = input;
  const say = messages(input.locale ?? 'en');
  if (text.length > settings.maxFileSize) {
    return { findings: [], capped: false, skipped: { reason: 'too-large', message: say.tooLarge(settings.maxFileSize) } };
  }
  if (looksMinified(text)) {
    return { findings: [], capped: false, skipped: { reason: 'minified', message: say.minified() } };
  }
  const scan = input.scan ?? (yield* scanSteps(text, input.languageId));
  // Lines are counted only when something needs them (a suppression comment, a finding).
  let lineIndex: LineIndex | null = null;
  const lines = () => (lineIndex ??= new LineIndex(text));
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
    if (severity === null || suppressed(lines().position(f.start).line, f.code)) return;
    findings.push({ ...f, severity, href: entry && input.hrefFor ? input.hrefFor(entry) : null });
  };

  // Sorted, each once, and no more than maxProblems (a few over are gathered, as the same place may give two).
  const done = (): CheckResult => {
    const all = finish(findings);
    return { findings: all.slice(0, settings.maxProblems), skipped: null, capped: all.length > settings.maxProblems };
  };
  const full = () => findings.length > settings.maxProblems + 16;

  const isCardFile = /\.(?:md|mdx|markdown|txt)$/i.test(input.path ?? '') || input.languageId === 'markdown';
  const card = isCardFile ? parseDocument(input.path ?? 'untitled.md', text) : null;
  if (card && card.kind !== 'unknown') {
    // A model card: its own problems, not the rules for code that uses names.
    cardFindings(card.diagnostics, input.registryDiagnostics ?? [], lines(), push, input.locale);
    return done();
  }
  if (card) cardFindings(card.diagnostics, [], lines(), push, input.locale);
  if (isProjectConfigPath(input.path ?? '')) {
    // The project's settings file: what is wrong with it, not the rules for code.
    for (const p of parseProjectConfig(text, input.locale).problems) push({ code: 'project-config', message: p.message, start: p.start, end: p.end, suggestions: [], preferred: false, name: null }, p.severity);
    return done();
  }
  if (input.registryDiagnostics && /\.json$/i.test(input.path ?? '')) {
    // One of the user's catalogue files: its own problems, not the rules for code.
    cardFindings([], input.registryDiagnostics, lines(), push, input.locale);
    return done();
  }

  const where = input.relativePath ?? input.path ?? '';
  const inTest = isTestFile(where);
  // A changelog, release notes or a blog post records what was true when it was written: nothing to report.
  if (isHistoryFile(where)) return done();
  const { memo } = input;
  memo?.begin(input.text, { registry, settings, languageId: input.languageId, path: where, locale: input.locale ?? 'en' }, scan.edit);
  const allowedNow = (t: string) => suggestions.has(t) || suggestions.size < MAX_LOOKUPS;
  const resolutions = new Map<string, Resolved>();
  const verdicts = new Map<string, number>();
  /** The lookups the candidate checked last made (those of its text, shared by every candidate of that text). */
  let lookupsOfLast: readonly Lookup[] = NO_LOOKUPS;
  let ctx: RuleContext | null = null;
  let n = 0;
  // Indexed loops here and below: ten thousand candidates would otherwise make as many iterators.
  const { candidates } = scan;
  for (let c = 0; c < candidates.length; c++) {
    if (full()) break;
    if ((++n & 31) === 0) yield;
    const candidate = candidates[c];
    const kept = memo?.replay(candidate, allowedNow);
    if (kept) {
      // The lookups it made count towards the file's limit, as they would in a fresh check.
      for (const l of kept.lookups) if (!suggestions.has(l.text)) suggestions.set(l.text, l.found);
      for (const r of kept.results) push(r.finding, r.fallback, r.entry);
      continue;
    }
    lookupsOfLast = NO_LOOKUPS;
    const results = evaluate(candidate);
    memo?.remember(candidate, results, lookupsOfLast);
    for (let r = 0; r < results.length; r++) push(results[r].finding, results[r].fallback, results[r].entry);
  }
  return done();

  /**
   * What a text means, worked out once per distinct text of the file (a config names the same models thousands of
   * times): see `Resolved`. The candidate is said to have made the lookups it took (`lookupsOfLast`), as if made again.
   */
  function resolutionOf(text: string): Resolved {
    let known = resolutions.get(text);
    if (!known) {
      const made: Lookup[] = [];
      const resolution = resolveName(text, registry, (t) => {
        const allowed = allowedNow(t);
        const found = suggest(t);
        made.push({ text: t, found, allowed });
        return found;
      });
      known = { resolution, lookups: made, allowed: resolution.meant !== undefined && isAllowed(resolution.meant.name, settings), rules: RULES.filter((r) => r.relevant(resolution)) };
      resolutions.set(text, known);
    }
    lookupsOfLast = known.lookups;
    return known;
  }

  /** What the rules find for one candidate (none when it is not a name in use). */
  function evaluate(candidate: Candidate): readonly RuleResult[] {
    const text = candidate.value.text;
    const verdict = verdictOf(text);
    if ((verdict & NOT_A_NAME) !== 0 || isAboutNames(candidate)) return NO_FINDINGS;
    const prose = candidate.where !== 'value';
    // Words in a test's strings of text and comments are fixtures and notes, never a call of the model.
    if (prose && inTest) return NO_FINDINGS;
    if ((prose || candidate.reason === 'shape') && (verdict & DISPLAY_NAME) !== 0) return NO_FINDINGS;
    const { resolution, allowed, rules } = resolutionOf(text);
    // The name it means is allowed by the settings.
    if (allowed) return NO_FINDINGS;
    const { meant } = resolution;
    // In prose, a sentence that also names models for people (`… o3-mini & GPT-4o …`), talks of a deployment, or
    // is a link's text, is about models, not an instruction to use one.
    if (candidate.where === 'prose' && aboutModels(input.text, candidate.value.start, candidate.value.end)) return NO_FINDINGS;
    // In a comment, only an exact name is a name: no typo, no spelling is guessed; and a vendor id only where the
    // comment shows it in use (`model="…"`, `--model …`), since comments name models for many reasons.
    if (candidate.where === 'comment' && (resolution.via !== 'exact' || (meant?.namespace === 'vendor' && !MODEL_USE_BEFORE.test(lineBefore(input.text, candidate.value.start))))) return NO_FINDINGS;
    // One context for every candidate of the check, its fields set for each (no rule keeps it).
    if (ctx === null) ctx = { candidate, scan: scan!, registry, resolution, prose, say };
    else {
      ctx.candidate = candidate;
      ctx.resolution = resolution;
      ctx.prose = prose;
    }
    let out: RuleResult[] | null = null;
    for (let r = 0; r < rules.length; r++) {
      const found = rules[r].check(ctx);
      for (let k = 0; k < found.length; k++) {
        const f = found[k];
        out ??= [];
        // Names in prose and comments, and values in tests (which rarely call the model), are reported one level lower,
        // as information, unless the rule is configured.
        const lower = (prose || inTest || inDeadEntry(candidate, registry)) && !settings.configured.includes(f.code);
        out.push({ finding: lower ? { ...f, cap: 'info' } : f, fallback: 'warning', entry: meant });
      }
    }
    return out ?? NO_FINDINGS;
  }

  /** What a text alone says (see `NOT_A_NAME`, `DISPLAY_NAME`), once per distinct text of the file. */
  function verdictOf(text: string): number {
    let known = verdicts.get(text);
    if (known === undefined) {
      known = text === '' || !isNameLike(text) || isAllowed(text, settings) ? NOT_A_NAME : 0;
      // A display name (`GPT-4o`, `Claude` in a title, `return "GPT-4o"` as a label) is a name for people,
      // not an id: only an exact id in capitals is one (hover still shows the card).
      if (/[A-Z]/.test(text) && !registry.resolve(text)) known |= DISPLAY_NAME;
      verdicts.set(text, known);
    }
    return known;
  }
}

/** The card-* problems (and name-format) of a model card open in the editor. */
function cardFindings(
  own: readonly CardDiagnostic[],
  fromRegistry: readonly CardDiagnostic[],
  lines: LineIndex,
  push: (f: RuleFinding, fallback: Severity) => void,
  locale: Locale = 'en',
): void {
  const seen = new Set<string>();
  for (const d of [...own, ...fromRegistry]) {
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const start = lines.lineStart(d.line) + d.column;
    const end = lines.lineStart(d.endLine) + d.endColumn;
    const message = d.text ? cardText(d.text, locale) : d.message;
    push({ code: d.code, message, start, end: Math.max(end, start), suggestions: d.suggestions, preferred: d.suggestions.length === 1, name: null }, d.severity);
  }
}
