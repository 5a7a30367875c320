/** What the rules produce, and what each rule says about itself. Findings have offsets, independent of LSP and of the CLI's output. */
import type { Messages } from '../messages';
import type { Registry, Severity } from '../registry';
import type { Candidate, ScanResult } from '../scanner';
import type { Resolution } from './resolve';
import type { RuleCode } from './rules';

/** A rule's setting: its severity, or off. */
export type RuleSeverity = 'off' | Severity;

/** What every rule (and every problem code of the card parsers) says about itself: the one list settings, SARIF and the README follow. */
export interface RuleMeta<C extends string = string> {
  code: C;
  /** The default severity; `as-found` for card problems, whose parser gives each problem its own. */
  severity: Severity | 'as-found';
  /** One line, for settings and SARIF's short description. */
  summary: string;
  /** One paragraph: what it reports, and what it never reports. */
  description: string;
}

/** What a rule reports, before the engine adds the severity and the link. */
export interface RuleFinding<C extends string = RuleCode> {
  code: C;
  message: string;
  /** Offsets of the text the finding is about (and that a fix replaces). */
  start: number;
  end: number;
  /** Replacements for [start, end), best first. */
  suggestions: string[];
  /** The first suggestion is the one fix to apply without asking. */
  preferred: boolean;
  /** The model the finding is about, for the card link and the "allow" action. */
  name: string | null;
  /** The most severe level this finding may have whatever the settings (facts only a catalogue states). */
  cap?: Severity;
}

export interface Finding extends RuleFinding {
  severity: Severity;
  /** Where to read more: the model's card or documentation. */
  href: string | null;
}

/** What a rule sees for one candidate: the value, its context, and what it means (resolved once for all rules). Lent for the call only: the engine gives the same object, changed, for the next candidate. */
export interface RuleContext {
  candidate: Candidate;
  scan: ScanResult;
  registry: Registry;
  /** The exact entry, or the one the text means by its spelling or as a near-certain typo. */
  resolution: Resolution;
  /** The candidate is a word of prose or of a comment: only exact names and unambiguous slips are reported. */
  prose: boolean;
  /** The messages in the user's language. */
  say: Messages;
}

export interface Rule<C extends string = string> extends RuleMeta<C> {
  severity: Severity;
  /**
   * Can the rule find anything for a name resolved so, wherever it is written? Asked once per distinct text of a
   * file (a config names the same models thousands of times); `check` runs only where it is true.
   */
  relevant(resolution: Resolution): boolean;
  check(ctx: RuleContext): ReadonlyArray<RuleFinding<C>>;
}

/** What a rule returns when it finds nothing: one shared empty list (a 1 MB config asks every rule of ten thousand names). */
export const NO_FINDINGS: readonly never[] = Object.freeze([]);

/** A rule with its code's literal type kept (so the list of rules gives the union of codes). */
export function defineRule<C extends string>(rule: Rule<C>): Rule<C> {
  return rule;
}
