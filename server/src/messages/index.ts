/**
 * Every message of the rules, the quick fixes and the checks that a user reads, in one place, in English and
 * Japanese. A message is a function of its facts, so each language orders them its own way; the server uses the
 * client's locale, the CLI English.
 */
import type { Notice } from '../cards/notices';
import type { NameProblem } from '../registry/boxNames';
import { EN } from './en';
import { JA } from './ja';

export type Locale = 'en' | 'ja';

export function localeOf(locale: string | undefined): Locale {
  return locale && /^ja\b/i.test(locale) ? 'ja' : 'en';
}

/** How a model's token limit is known: exactly, or as a rounded figure (`16k`) taken at its largest meaning. */
export interface LimitFacts {
  exact: boolean;
  stated: number;
  /** The rounded figure as written (`16k`). */
  written: string;
  bound: number;
  /** The catalogue that states it, when no card does. */
  origin: string | null;
}

/** How a name was written when it means another spelling of a model. */
export type Written =
  | { kind: 'slip'; text: string; snapshot: { family: string; date: string } | null }
  | { kind: 'card-misspelling'; text: string }
  | { kind: 'alias'; text: string };

export interface Messages {
  unknownModel(text: string, snapshot: { family: string; date: string } | null, suggestions: readonly string[]): string;
  nameFormat(text: string, meant: string, why: { alias: true } | { problems: readonly NameProblem[] }): string;
  nameProblem(p: NameProblem): string;
  retired(name: string, how: 'renamed' | 'legacy' | 'retired', date: string | null, use: string | null, written: Written | null): string;
  deprecated(name: string, since: string | null, until: string | null, use: string | null, written: Written | null): string;
  wrongPurpose(name: string, slot: 'embeddings' | 'chat', example: string): string;
  tokenLimit(key: string, value: number, name: string, limit: LimitFacts): string;
  tooLarge(maxBytes: number): string;
  minified(): string;
  capped(maxProblems: number): string;
  fixTokenLimit(max: number): string;
  fixSuccessor(name: string): string;
  fixSpelling(name: string): string;
  fixReplace(current: string, name: string): string;
  fixIgnore(code: string): string;
  fixAll(count: number): string;
  allowName(name: string): string;
  allowCommand(): string;
  noFolderToAllow(): string;
  configNotJson(error: string): string;
  configNotObject(): string;
  configUnknownKey(key: string, keys: readonly string[]): string;
  configRepeated(key: string): string;
  configList(key: string): string;
  configListEntry(key: string): string;
  configNumber(key: string, unit: 'bytes' | 'problems'): string;
  configRules(): string;
  configRuleCode(code: string, codes: readonly string[]): string;
  configSeverity(severities: readonly string[]): string;
  /** What loading cards and catalogues skipped, and why. */
  notice(n: Notice): string;
  moreNotices(count: number): string;
  /** A list setting cut short: entries too long, or too many. */
  settingTooLong(setting: string, count: number, maxLength: number): string;
  settingTooMany(setting: string, count: number, kept: number): string;
}


const CATALOGS: Record<Locale, Messages> = { en: EN, ja: JA };

export function messages(locale: Locale): Messages {
  return CATALOGS[locale];
}
