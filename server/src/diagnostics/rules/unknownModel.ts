/** unknown-model: a model-context or model-shaped string that is not in the registry, with "did you mean" suggestions. */
import { hasBoxFamily, isBoxShaped } from '../../scanner/shape';
import { defineRule, NO_FINDINGS } from '../types';

export const unknownModel = defineRule({
  code: 'unknown-model',
  severity: 'warning',
  summary: 'A name in model context, or shaped like a model name, that is not in the registry.',
  description:
    "A value in a model slot (a `model` key, keyword argument or property, a builder call such as `.model(…)`), or a string shaped like a model name, that names no model the registry knows. Box names of a known family are always checked, since Box's list is closed. A vendor id is reported only when it is a near-certain slip of a known id of the same vendor (a letter typed wrong, or a dated snapshot that does not exist, such as `claude-3-haiku-20240229`); an id newer than the data is never reported. In prose and comments only unambiguous slips are. Up to three suggestions are given, never from the other namespace; the first is applied by Fix All only when it is unambiguous. A slip of a retired or deprecated name is reported by those rules instead, with the successor as the fix.",
  // A name the registry knows, or a slip of a model that is retired or deprecated (those rules report it, with the successor).
  relevant: ({ via, meant }) => via !== 'exact' && via !== 'spelling' && !(via === 'typo' && meant && (meant.status === 'retired' || meant.status === 'deprecated')),
  check({ candidate, resolution, prose, say }) {
    const { via, suggestions, snapshot, preferred } = resolution;
    const text = candidate.value.text;
    if (via !== 'typo' && !(isBoxShaped(text) && (suggestions.length > 0 || hasBoxFamily(text)))) return NO_FINDINGS;
    // In prose and comments, only an unambiguous slip.
    if (prose && (via !== 'typo' || !(preferred || suggestions.length === 1))) return NO_FINDINGS;
    return [
      {
        code: 'unknown-model',
        message: say.unknownModel(text, snapshot, suggestions),
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions,
        preferred: via === 'typo' && preferred,
        name: null,
      },
    ];
  },
});
