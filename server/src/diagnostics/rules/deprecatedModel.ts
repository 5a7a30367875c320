/** deprecated-model: a model marked deprecated that still works. */
import type { Rule } from '../types';

export const deprecatedModel: Rule = {
  code: 'deprecated-model',
  check({ candidate, meant }) {
    if (!meant || meant.status !== 'deprecated') return [];
    const when = meant.deprecatedDate ? ` since ${meant.deprecatedDate}` : '';
    const use = meant.successor ? ` Plan a move to "${meant.successor}".` : '';
    return [
      {
        code: 'deprecated-model',
        message: `"${meant.name}" is deprecated${when}; it still works but will be removed.${use}`,
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions: meant.successor ? [meant.successor] : [],
        preferred: false,
        name: meant.name,
      },
    ];
  },
};
