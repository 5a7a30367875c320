/** unknown-model: a model-context or model-shaped string that is not in the registry, with "did you mean" suggestions. */
import { idReadings, type ModelEntry, type Registry, type Suggestion } from '../../registry';
import { hasBoxFamily, isBoxShaped } from '../../scanner/shape';
import { defineRule, type RuleFinding } from '../types';

export const unknownModel = defineRule({
  code: 'unknown-model',
  severity: 'warning',
  summary: 'A name in model context, or shaped like a model name, that is not in the registry.',
  description:
    "A value in a model slot (a `model` key, keyword argument or property, a builder call such as `.model(…)`), or a string shaped like a model name, that names no model the registry knows. Box names of a known family are always checked, since Box's list is closed. A vendor id is reported only when it is a near-certain slip of a known id of the same vendor (a letter typed wrong, or a dated snapshot that does not exist, such as `claude-3-haiku-20240229`); an id newer than the data is never reported. Up to three suggestions are given, never from the other namespace; the first is applied by Fix All only when it is unambiguous.",
  check({ candidate, exact, meant, suggest, registry }) {
    if (exact || meant) return [];
    const text = candidate.value.text;
    const finding = (suggestions: string[], preferred: boolean, why = ''): Array<RuleFinding<'unknown-model'>> => [
      {
        code: 'unknown-model',
        message: `"${text}" is not a known model name.${why}${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions,
        preferred,
        name: null,
      },
    ];
    if (isBoxShaped(text)) {
      // Box's list of API names is closed: a Box name of a known family that is not in it is wrong.
      const near = suggest(text).filter((s) => s.entry.namespace === 'box');
      if (near.length === 0 && !hasBoxFamily(text)) return [];
      return finding(near.map((s) => s.entry.name), clearWinner(near));
    }
    // A vendor id, bare or in a wrapper whose platform keeps the maker's ids (`anthropic/…`).
    for (const { id, prefix, suffix } of [{ id: text, prefix: '', suffix: '' }, ...idReadings(text).filter((r) => r.platform === null)]) {
      const wrap = (name: string) => `${prefix}${name}${suffix}`;
      const dated = wrongSnapshot(id, registry);
      if (dated) return finding(dated.known.map(wrap), dated.known.length === 1, ` No snapshot of ${dated.family} is dated ${dated.date}.`);
      const slips = suggest(id).filter((s) => s.entry.namespace === 'vendor' && isSlip(id.toLowerCase(), s));
      if (slips.length) return finding(slips.map((s) => wrap(s.entry.name)), false);
    }
    return [];
  },
});

/** The first suggestion is clearly the one meant: alone, closer than the next, or live where the next is retired. */
function clearWinner(near: readonly Suggestion[]): boolean {
  const [a, b] = near;
  return a !== undefined && (b === undefined || b.distance - a.distance >= 1 || (a.entry.status !== 'retired' && b.entry.status === 'retired'));
}

const digits = (s: string) => s.replace(/\D+/g, ' ').trim();

/**
 * A near-certain slip of a known vendor id: letters or separators typed wrong while every number is the
 * same (`gpt-4o-minii`, `claude-3-hiaku-20240307`), and not a shorter or longer form of the id that names
 * another model (`gpt-4o` and `gpt-4o-2024-08-06`). A different number is a different model, maybe newer.
 */
function isSlip(text: string, s: Suggestion): boolean {
  const name = s.entry.name.toLowerCase();
  const scheme = schemeOf(text);
  return scheme !== null && scheme === schemeOf(name) && s.distance < 2 && digits(text) === digits(name) && !isVariantOf(text, name);
}

/**
 * The naming scheme of an id: a gateway path (`openrouter/…`), a Bedrock id, or a maker's plain id. Null for
 * ids that start with a maker's name and a separator (`openai-gpt-4.1`, `google-gemini-2.5-pro`): a platform's
 * own spelling, which Model Lens does not know, so nothing in it is a slip of anything.
 */
function schemeOf(id: string): string | null {
  if (id.includes('/')) return `path:${id.slice(0, id.indexOf('/'))}`;
  if (/^(?:[a-z]{2,6}\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek)\./.test(id)) return 'bedrock';
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
function wrongSnapshot(id: string, registry: Registry): { family: string; date: string; known: string[] } | null {
  const m = DATED.exec(id);
  if (!m) return null;
  const [, family, date] = m;
  const known = registry
    .withPrefix(`${family}-`)
    .filter((e: ModelEntry) => e.namespace === 'vendor' && e.name.startsWith(`${family}-`) && DATED.exec(e.name)?.[1] === family && DATED.exec(e.name)?.[2].length === date.length);
  if (!known.length) return null;
  const dateOf = (e: ModelEntry) => DATED.exec(e.name)![2];
  const newest = known.map(dateOf).sort().pop()!;
  if (date > newest || !isRealDate(date)) return null;
  const value = (d: string) => Number(d.replace(/-/g, ''));
  const names = known.sort((a, b) => Math.abs(value(dateOf(a)) - value(date)) - Math.abs(value(dateOf(b)) - value(date))).map((e) => e.name);
  return { family, date, known: names.slice(0, 3) };
}

function isRealDate(d: string): boolean {
  const s = d.includes('-') ? d : `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(s) && s >= '2020-01-01';
}
