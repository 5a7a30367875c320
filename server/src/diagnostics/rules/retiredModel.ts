/** retired-model: a retired, removed, renamed or legacy name, with its date and successor. */
import { lifecycleRule } from './lifecycle';

export const retiredModel = lifecycleRule({
  code: 'retired-model',
  severity: 'error',
  summary: 'A retired, removed, renamed or legacy model name.',
  description:
    "A model name that requests no longer accept: retired or removed by its vendor, renamed by Box, or a legacy name from before Box's model cards. The message gives the date and the successor, and the fix replaces the name with the successor when there is one.",
  status: 'retired',
  preferFix: true,
  message(m, successor) {
    const how = m.retiredReason === 'renamed' ? 'was renamed' : m.retiredReason === 'legacy' ? 'is a legacy name no longer accepted' : 'was retired';
    const when = m.retiredDate ? ` on ${m.retiredDate}` : '';
    const use = successor ? ` Use "${successor}".` : '';
    return `"${m.name}" ${how}${when}.${use}`;
  },
});
