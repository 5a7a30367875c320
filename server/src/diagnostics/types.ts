/** What the rules produce: findings with offsets, independent of LSP and of the CLI's output. */
import type { Match, ModelEntry, Registry, Severity, Suggestion } from '../registry';
import type { Candidate, ScanResult } from '../scanner/scanner';

export type FindingCode =
  | 'unknown-model'
  | 'name-format'
  | 'retired-model'
  | 'deprecated-model'
  | 'wrong-purpose'
  | 'token-limit'
  | 'card-missing-field'
  | 'card-bad-value'
  | 'card-duplicate-field'
  | 'card-conflict'
  | 'card-tile-mismatch'
  | 'card-unsafe-front-matter';

export interface Finding {
  code: FindingCode;
  severity: Severity;
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
  /** Where to read more: the model's card or documentation. */
  href: string | null;
}

/** What a rule sees for one candidate: the value, its context, and the registry's answer for it (looked up once). */
export interface RuleContext {
  candidate: Candidate;
  scan: ScanResult;
  registry: Registry;
  /** The exact entry (by name or alias), if any. */
  exact: Match | undefined;
  /** The entry the text means, exactly or after folding case and separators. */
  meant: ModelEntry | undefined;
  /** Names near a typo (cached per check, and capped so a file of thousands of typos stays fast). */
  suggest(text: string): readonly Suggestion[];
}

export interface Rule {
  code: FindingCode;
  check(ctx: RuleContext): Array<Omit<Finding, 'severity' | 'href'> & { href?: string | null }>;
}
