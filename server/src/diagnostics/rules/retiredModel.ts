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
  message(say, m, successor, written) {
    return say.retired(m.name, m.retiredReason === 'renamed' ? 'renamed' : m.retiredReason === 'legacy' ? 'legacy' : 'retired', m.retiredDate, successor, written);
  },
});
