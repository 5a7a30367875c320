/** deprecated-model: a model marked deprecated that still works. */
import { lifecycleRule } from './lifecycle';

export const deprecatedModel = lifecycleRule({
  code: 'deprecated-model',
  severity: 'warning',
  summary: 'A model marked deprecated that still works.',
  description:
    'A model name whose vendor or Box has announced its end: it still answers, but will be removed. The message gives the deprecation date and the successor, and the fix replaces the name with the successor.',
  status: 'deprecated',
  preferFix: false,
  message(say, m, successor, written) {
    return say.deprecated(m.name, m.deprecatedDate, m.retiredDate, successor, written);
  },
});
