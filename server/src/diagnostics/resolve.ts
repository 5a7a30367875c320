/**
 * What a written name means, found once per candidate and shared by the
 * rules: the model itself, through a wrapper (`anthropic/…`, a Bedrock id),
 * through its spelling (case, separators, a Box misspelling), or through a
 * near-certain typo. Namespaces stay apart: a vendor id never resolves to a
 * Box name, nor the reverse.
 */
import { canonicalBoxSpelling, idReadings, type IdReading, type Match, type ModelEntry, type Registry, type Suggestion } from '../registry';
import { isBoxShaped } from '../scanner/shape';

export interface Resolution {
  /** The exact entry (by name or alias, or inside a wrapper), if any. */
  exact: Match | undefined;
  /** The wrapper the exact entry was found through. */
  reading: IdReading | null;
  /** The entry the text means. */
  meant: ModelEntry | undefined;
  /** How it was found: exactly, by its spelling, or as a typo (a slip of a letter, a snapshot that does not exist). */
  via: 'exact' | 'spelling' | 'typo' | null;
  /** For typos: the names meant, as they would be written here (wrappers kept), best first. */
  suggestions: string[];
  /** For typos: a dated snapshot that does not exist, its family and date (`claude-3-haiku`, `20240229`), or null. */
  snapshot: { family: string; date: string } | null;
  /** The first suggestion is safe to apply without asking. */
  preferred: boolean;
}

export function resolveName(text: string, registry: Registry, suggest: (t: string) => readonly Suggestion[]): Resolution {
  const resolved = registry.resolve(text);
  if (resolved) return { exact: resolved.match, reading: resolved.reading, meant: resolved.match.entry, via: 'exact', suggestions: [], snapshot: null, preferred: false };
  const none: Resolution = { exact: undefined, reading: null, meant: undefined, via: null, suggestions: [], snapshot: null, preferred: false };
  const boxy = isBoxShaped(text);
  const folded = registry.findNormalized(text).filter((m) => (m.entry.namespace === 'box') === boxy);
  if (folded.length === 1) return { ...none, meant: folded[0].entry, via: 'spelling' };
  if (boxy) {
    const canonical = canonicalBoxSpelling(text);
    const spelled = canonical ? registry.get(canonical)?.entry : undefined;
    if (spelled) return { ...none, meant: spelled, via: 'spelling' };
    // Box's list is closed: the one clearly nearest Box name is the one meant.
    const near = suggest(text).filter((s) => s.entry.namespace === 'box');
    const names = near.map((s) => s.entry.name);
    return near.length && clearWinner(near) ? { ...none, meant: near[0].entry, via: 'typo', suggestions: names, preferred: true } : { ...none, suggestions: names };
  }
  // A vendor id, bare or in a wrapper whose platform keeps the maker's ids (`anthropic/…`).
  for (const { id, prefix, suffix } of [{ id: text, prefix: '', suffix: '' }, ...idReadings(text).filter((r) => r.platform === null)]) {
    const wrap = (name: string) => `${prefix}${name}${suffix}`;
    const dated = wrongSnapshot(id, registry);
    if (dated) return { ...none, meant: dated.known[0], via: 'typo', suggestions: dated.known.map((e) => wrap(e.name)), snapshot: { family: dated.family, date: dated.date }, preferred: dated.known.length === 1 };
    const slips = suggest(id).filter((s) => s.entry.namespace === 'vendor' && isSlip(id.toLowerCase(), s));
    if (slips.length) return { ...none, meant: slips[0].entry, via: 'typo', suggestions: slips.map((s) => wrap(s.entry.name)) };
  }
  return none;
}

/** The first suggestion is clearly the one meant: alone, closer than the next, or live where the next is retired. */
function clearWinner(near: readonly Suggestion[]): boolean {
  const [a, b] = near;
  return a !== undefined && (b === undefined || b.distance - a.distance >= 1 || (a.entry.status !== 'retired' && b.entry.status === 'retired'));
}

const digits = (s: string) => s.replace(/\D+/g, ' ').trim();

/**
 * A near-certain slip of a known vendor id: letters or separators typed wrong while every number is the
 * same (`gpt-4o-minii`, `claude-hiaku-4-5-20251001`), in the same naming scheme, and not a shorter or longer
 * form of the id that names another model (`gpt-4o` and `gpt-4o-2024-08-06`). A different number is a
 * different model, maybe newer than the data. Tokens without a separator (`gpt4`) are aliases, not slips.
 */
function isSlip(text: string, s: Suggestion): boolean {
  const name = s.entry.name.toLowerCase();
  const scheme = schemeOf(text);
  return /[-_.]/.test(text) && scheme !== null && scheme === schemeOf(name) && s.distance < 2 && digits(text) === digits(name) && !isVariantOf(text, name);
}

/**
 * The naming scheme of an id: a gateway path (`openrouter/…`), a Bedrock id, or a maker's plain id. Null for
 * ids that start with a maker's name and a separator (`openai-gpt-4.1`, `google-gemini-2.5-pro`): a platform's
 * own spelling, which Model Lens does not know, so nothing in it is a slip of anything.
 */
function schemeOf(id: string): string | null {
  if (id.includes('/')) return `path:${id.slice(0, id.indexOf('/'))}`;
  if (/^(?:[a-z]{2,6}\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek)\./.test(id)) return 'bedrock';
  // `gpt-oss:20b`, `llama3:8b`: a local runner's name and tag.
  if (id.includes(':')) return 'tag';
  if (/^(?:openai|anthropic|google|gemini|mistral|mistralai|meta|amazon|aws|cohere|xai|deepseek|azure)[-_.]/.test(id)) return null;
  return 'plain';
}

/**
 * Is one id a shorter or longer form of the other that names another real model: `gpt-4` and `gpt-4o`
 * (a letter after a version number), `gpt-4o` and `gpt-4o-2024-08-06` or `gpt-4o-mini-tts` (a suffix after
 * a separator)? `gpt-4o-minii` is not: a letter slipped in at the end of a word.
 */
function isVariantOf(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.startsWith(short)) return false;
  return /[-._]/.test(long[short.length] ?? '') || /\d$/.test(short);
}

const DATED = /^(.+?)-(\d{8}|\d{4}-\d{2}-\d{2})$/;

/**
 * A dated snapshot that does not exist: the family has known snapshots dated in the same style, the date is
 * not one of them, and it is not after the newest (which could be a release newer than the data).
 */
function wrongSnapshot(id: string, registry: Registry): { family: string; date: string; known: ModelEntry[] } | null {
  const m = DATED.exec(id);
  if (!m) return null;
  const [, family, date] = m;
  const dateOf = (e: ModelEntry) => DATED.exec(e.name)?.[2];
  const known = registry.withPrefix(`${family}-`).filter((e) => e.namespace === 'vendor' && DATED.exec(e.name)?.[1] === family && dateOf(e)?.length === date.length);
  if (!known.length) return null;
  const newest = known.map((e) => dateOf(e)!).sort().pop()!;
  if (date > newest || !isRealDate(date)) return null;
  const value = (d: string) => Number(d.replace(/-/g, ''));
  const distance = (e: ModelEntry) => Math.abs(value(dateOf(e)!) - value(date));
  return { family, date, known: known.sort((a, b) => distance(a) - distance(b)).slice(0, 3) };
}

function isRealDate(d: string): boolean {
  const s = d.includes('-') ? d : `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(s) && s >= '2020-01-01';
}
