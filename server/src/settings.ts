/**
 * The `modelLens` settings, typed once: the server reads them from the
 * client, the CLI from the project's files. Rule codes and their defaults
 * come from the rules' own metadata.
 */
import { RULE_CODES, RULES, type RuleCode } from './diagnostics/rules';
import type { RuleSeverity } from './diagnostics/types';

export type { RuleCode, RuleSeverity };

export interface Settings {
  /** Globs (relative to each workspace folder) or folders of the user's own model cards, loaded over the built-in ones. */
  cardPaths: string[];
  /** Catalogue files (models.dev or LiteLLM JSON), or globs or folders of them, loaded over the built-in catalogue and below every card. */
  catalogs: string[];
  /** Names or globs of private deployments that are never reported. */
  allow: string[];
  /** Files (globs) that are never checked. */
  exclude: string[];
  /** Severity of each rule. Card codes without a setting keep the severity the card parser gives each problem. */
  rules: Partial<Record<RuleCode, RuleSeverity>>;
  /** Files larger than this many bytes are not checked. */
  maxFileSize: number;
  /** The rules whose severity the user set (the rest have their defaults); names in prose keep a configured severity. */
  configured: RuleCode[];
}

/** The default severity of each rule that checks documents (card problems have none: each keeps its parser's). */
export const DEFAULT_RULES: Partial<Record<RuleCode, RuleSeverity>> = Object.fromEntries(RULES.map((r) => [r.code, r.severity]));

const DEFAULT_SETTINGS: Settings = {
  cardPaths: [],
  catalogs: [],
  allow: [],
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/*.min.js'],
  rules: DEFAULT_RULES,
  maxFileSize: 2 * 1024 * 1024,
  configured: [],
};

export const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

const strings = (v: unknown, fallback: string[]): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : fallback;

/** Settings from an untrusted object (workspace configuration, initialization options, settings.json): wrong types fall back to defaults. */
export function readSettings(raw: unknown): Settings {
  const o = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rulesIn = o.rules !== null && typeof o.rules === 'object' ? (o.rules as Record<string, unknown>) : {};
  const rules: Partial<Record<RuleCode, RuleSeverity>> = { ...DEFAULT_RULES };
  const configured: RuleCode[] = [];
  for (const code of RULE_CODES) {
    const v = rulesIn[code];
    if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) {
      rules[code] = v as RuleSeverity;
      configured.push(code);
    }
  }
  const max = typeof o.maxFileSize === 'number' && Number.isFinite(o.maxFileSize) && o.maxFileSize > 0 ? o.maxFileSize : DEFAULT_SETTINGS.maxFileSize;
  return {
    cardPaths: strings(o.cardPaths, DEFAULT_SETTINGS.cardPaths),
    catalogs: strings(o.catalogs, DEFAULT_SETTINGS.catalogs),
    allow: strings(o.allow, DEFAULT_SETTINGS.allow),
    exclude: strings(o.exclude, DEFAULT_SETTINGS.exclude),
    rules,
    maxFileSize: max,
    configured,
  };
}
