/** name-format: a name that breaks the Box naming rules but clearly means a known model; the fix is the canonical spelling. */
import { boxNameProblems } from '../../registry';
import { defineRule, NO_FINDINGS } from '../types';

export const nameFormat = defineRule({
  code: 'name-format',
  severity: 'warning',
  summary: 'A name that breaks the Box naming rules but clearly means a known model.',
  description:
    "A Box AI API name written with one underscore after the provider, with hyphens or dots in the model part, in upper case, or with a misspelling seen in Box's own cards, when it can only mean one known, live model. The fix is the spelling the API accepts. Vendor ids are never rewritten into Box names, and a misspelt retired name is reported by retired-model with its successor.",
  // The naming rules are Box's; a vendor's aliases are ids in their own right. A misspelt retired or deprecated name is those rules'.
  relevant: ({ meant, exact, via }) =>
    meant !== undefined && meant.namespace === 'box' && (via === 'spelling' || (via === 'exact' && exact?.viaAlias === true)) && meant.status !== 'retired' && meant.status !== 'deprecated',
  check({ candidate, resolution, say }) {
    const { meant, exact } = resolution;
    const text = candidate.value.text;
    if (!meant) return NO_FINDINGS;
    return [
      {
        code: 'name-format',
        message: say.nameFormat(text, meant.name, exact?.viaAlias ? { alias: true } : { problems: boxNameProblems(text) }),
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions: [meant.name],
        preferred: true,
        name: meant.name,
      },
    ];
  },
});
