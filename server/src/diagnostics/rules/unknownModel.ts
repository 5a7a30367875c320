/** unknown-model: a model-context or model-shaped string that is not in the registry, with "did you mean" suggestions. */
import { isBoxShaped } from '../../scanner/shape';
import type { Rule } from '../types';

export const unknownModel: Rule = {
  code: 'unknown-model',
  check({ candidate, registry, exact, meant }) {
    if (exact || meant) return [];
    const text = candidate.value.text;
    const suggestions = registry.nearest(text, 3).map((s) => s.entry.name);
    // Box's list of API names is closed: anything Box-shaped that is not in it is wrong. Vendor ids and
    // values of a model key are only reported when they are near a known name (a likely typo): a
    // deployment name or a vendor id we have no card for is not an error.
    if (!isBoxShaped(text) && suggestions.length === 0) return [];
    const did = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    return [
      {
        code: 'unknown-model',
        message: `"${text}" is not a known model name.${did}`,
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions,
        preferred: suggestions.length === 1 || (suggestions.length > 1 && clearWinner(registry, text)),
        name: null,
      },
    ];
  },
};

/** The best suggestion is clearly better than the second. */
function clearWinner(registry: import('../../registry').Registry, text: string): boolean {
  const [a, b] = registry.nearest(text, 2);
  return a !== undefined && (b === undefined || b.distance - a.distance >= 1 || (a.entry.status !== 'retired' && b.entry.status === 'retired'));
}
