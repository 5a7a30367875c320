/**
 * The `modelLens` settings, typed once: the server reads them from the
 * client, the CLI from the project's files. Rule codes and their defaults
 * come from the rules' own metadata.
 */
import { RULE_CODES, RULES, type RuleCode } from './diagnostics/rules';
import type { RuleSeverity } from './diagnostics/types';
import { messages, type Messages } from './messages';
import { MAX_GLOB_LENGTH } from './util/glob';

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
  /** At most this many problems are reported per file (one notice says how many there were). */
  maxProblems: number;
  /** The rules whose severity the user set (the rest have their defaults); names in prose keep a configured severity. */
  configured: RuleCode[];
  /** What was left out of the settings as too long or too many (said once to the user, see `settingsNoticeText`). */
  notices: SettingsNotice[];
}

/** A list setting cut short: some entries too long, or too many entries. */
export interface SettingsNotice {
  kind: 'tooLong' | 'tooMany';
  setting: string;
  count: number;
}

/** A settings notice in words. */
export function settingsNoticeText(n: SettingsNotice, say: Messages = messages('en')): string {
  return n.kind === 'tooLong' ? say.settingTooLong(n.setting, n.count, MAX_GLOB_LENGTH) : say.settingTooMany(n.setting, n.count, MAX_LIST_ENTRIES);
}

/** The largest `maxFileSize` and `maxProblems` accepted: beyond them a file costs too much memory to check. */
export const MAX_FILE_SIZE = 32 * 1024 * 1024;
const MAX_PROBLEMS = 100_000;

/** A number setting within its range; anything else is the default. */
const bounded = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min ? Math.min(v, max) : fallback;

/** Entries kept per list setting, and the longest entry kept: settings may come from a cloned repository. */
export const MAX_LIST_ENTRIES = 5_000;

/** A settings file (.vscode/settings.json) larger than this is not read or edited: settings files are small. */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

/** The default severity of each rule that checks documents (card problems have none: each keeps its parser's). */
export const DEFAULT_RULES: Partial<Record<RuleCode, RuleSeverity>> = Object.fromEntries(RULES.map((r) => [r.code, r.severity]));

/** Files never checked unless the settings say otherwise. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/*.min.js'];

const DEFAULT_SETTINGS: Settings = {
  cardPaths: [],
  catalogs: [],
  allow: [],
  exclude: [...DEFAULT_EXCLUDE],
  rules: DEFAULT_RULES,
  maxFileSize: 2 * 1024 * 1024,
  maxProblems: 1_000,
  configured: [],
  notices: [],
};

export const SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A list setting: its strings, at most MAX_LIST_ENTRIES of them and none longer than MAX_GLOB_LENGTH; what is dropped is noted. */
function strings(name: string, v: unknown, fallback: string[], notices: SettingsNotice[]): string[] {
  if (!Array.isArray(v)) return fallback;
  const all = v.slice(0, MAX_LIST_ENTRIES * 2).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  const kept = all.filter((x) => x.length <= MAX_GLOB_LENGTH).map((x) => x.trim());
  if (kept.length < all.length) notices.push({ kind: 'tooLong', setting: name, count: all.length - kept.length });
  if (v.length > MAX_LIST_ENTRIES && kept.length > MAX_LIST_ENTRIES) notices.push({ kind: 'tooMany', setting: name, count: v.length });
  return kept.slice(0, MAX_LIST_ENTRIES);
}

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
  const max = bounded(o.maxFileSize, 1, MAX_FILE_SIZE, DEFAULT_SETTINGS.maxFileSize);
  const notices: SettingsNotice[] = [];
  return {
    cardPaths: strings('cardPaths', o.cardPaths, DEFAULT_SETTINGS.cardPaths, notices),
    catalogs: strings('catalogs', o.catalogs, DEFAULT_SETTINGS.catalogs, notices),
    allow: strings('allow', o.allow, DEFAULT_SETTINGS.allow, notices),
    exclude: strings('exclude', o.exclude, DEFAULT_SETTINGS.exclude, notices),
    rules,
    maxFileSize: max,
    maxProblems: Math.floor(bounded(o.maxProblems, 1, MAX_PROBLEMS, DEFAULT_SETTINGS.maxProblems)),
    configured,
    notices,
  };
}
