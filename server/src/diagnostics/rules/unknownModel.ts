/** unknown-model: a model-context or model-shaped string that is not in the registry, with "did you mean" suggestions. */
import { hasBoxFamily, isBoxShaped } from '../../scanner/shape';
import { defineRule } from '../types';

export const unknownModel = defineRule({
  code: 'unknown-model',
  severity: 'warning',
  summary: 'A name in model context, or shaped like a model name, that is not in the registry.',
  description:
    "A value in a model slot (a `model` key, keyword argument or property, a builder call such as `.model(…)`), or a string shaped like a model name, that names no model the registry knows. Box names of a known family are always checked, since Box's list is closed; other names only when they are close to a known one. Up to three suggestions are given; the first is applied by Fix All only when it is unambiguous.",
  check({ candidate, exact, meant, suggest }) {
    if (exact || meant) return [];
    const text = candidate.value.text;
    const boxy = isBoxShaped(text);
    const near = suggest(text).filter((s) => {
      if (boxy || s.entry.namespace === 'box') return true;
      // Vendor ids: Model Lens knows only a few, so a real id it lacks (`gpt-4`, `gpt-4o-2024-08-06`,
      // `text-embedding-ada-001`) must not look like a typo: only letter and separator slips count, and
      // not a shorter or longer form of a known id.
      return s.distance < 2 && !isVariantOf(text.toLowerCase(), s.entry.name.toLowerCase());
    });
    // Box's list of API names is closed: a Box name of a known family that is not in it is wrong. Anything
    // else is reported only when it is near a known name (a likely typo): env names such as
    // AZURE__OPENAI__API_KEY, deployment names and vendor ids Model Lens has no card for are left alone.
    if (near.length === 0 && !(boxy && hasBoxFamily(text))) return [];
    const suggestions = near.map((s) => s.entry.name);
    const did = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    const [a, b] = near;
    // The first suggestion is applied without asking only when it is clearly the one meant, and never to
    // rewrite a vendor id (fix-all must not change which model a call uses).
    const clear = a !== undefined && (b === undefined || b.distance - a.distance >= 1 || (a.entry.status !== 'retired' && b.entry.status === 'retired'));
    return [
      {
        code: 'unknown-model',
        message: `"${text}" is not a known model name.${did}`,
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions,
        preferred: clear && a.entry.namespace === 'box' && boxy,
        name: null,
      },
    ];
  },
});

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
