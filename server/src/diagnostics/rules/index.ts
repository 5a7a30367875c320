/** Every rule, with its metadata: the one list that settings, the manifest, SARIF and the README follow. */
import type { RuleMeta } from '../types';
import { CARD_PROBLEMS } from './cardProblems';
import { deprecatedModel } from './deprecatedModel';
import { nameFormat } from './nameFormat';
import { PROJECT_CONFIG_PROBLEM } from './projectConfig';
import { retiredModel } from './retiredModel';
import { tokenLimit } from './tokenLimit';
import { unknownModel } from './unknownModel';
import { wrongPurpose } from './wrongPurpose';

/** The rules that check names in documents, in the order they run. */
export const RULES = [unknownModel, nameFormat, retiredModel, deprecatedModel, wrongPurpose, tokenLimit] as const;

/** Every code a finding can carry: the rules', the card problems' and the project file's. */
export type RuleCode = (typeof RULES)[number]['code'] | keyof typeof CARD_PROBLEMS | typeof PROJECT_CONFIG_PROBLEM.code;

/** The metadata of every code, rules first. */
export const RULE_METADATA: ReadonlyArray<RuleMeta<RuleCode>> = [...RULES, ...Object.values(CARD_PROBLEMS), PROJECT_CONFIG_PROBLEM];

export const RULE_CODES: readonly RuleCode[] = RULE_METADATA.map((r) => r.code);
