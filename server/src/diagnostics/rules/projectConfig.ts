/** project-config: a `.model-lens.json` whose content Model Lens cannot use as written. */
import type { RuleMeta } from '../types';

export const PROJECT_CONFIG_PROBLEM: RuleMeta<'project-config'> = {
  code: 'project-config',
  severity: 'as-found',
  summary: 'A `.model-lens.json` that cannot be used as written.',
  description:
    'The project file is not valid JSON (with comments), is not one object, names a key that is not a Model Lens setting, or gives a setting a value of the wrong kind (a list that is not strings, an unknown rule code or severity, a size that is not a number). Invalid JSON is an error and the file is not used until it is fixed; a wrong value is an error and only that setting is left out; an unknown or repeated key is a warning.',
};
