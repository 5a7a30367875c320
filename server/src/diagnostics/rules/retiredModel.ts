/** retired-model: a retired, removed, renamed or legacy name, with its date and successor. */
import type { Rule } from '../types';

export const retiredModel: Rule = {
  code: 'retired-model',
  check({ candidate, meant }) {
    if (!meant || meant.status !== 'retired') return [];
    const how = meant.retiredReason === 'renamed' ? 'was renamed' : meant.retiredReason === 'legacy' ? 'is a legacy name no longer accepted' : 'was retired';
    const when = meant.retiredDate ? ` on ${meant.retiredDate}` : '';
    const use = meant.successor ? ` Use "${meant.successor}".` : '';
    return [
      {
        code: 'retired-model',
        message: `"${meant.name}" ${how}${when}.${use}`,
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions: meant.successor ? [meant.successor] : [],
        preferred: meant.successor !== null,
        name: meant.name,
      },
    ];
  },
};
