/**
 * What the rules found for each candidate of a document, kept from one check to the next: after an edit, the
 * candidates the scan carried over (the same objects, moved) are not checked again. A candidate is checked again
 * when its verdict may differ: its `about` changed, it is prose near the edit (the rules read the line around it),
 * a finding lies outside its own text (a token limit elsewhere in its structure), or the typo lookups it made
 * would now be over or under the file's limit. So the findings are those of a fresh check.
 */
import type { ModelEntry, Registry, Severity, Suggestion } from '../registry';
import type { Candidate, ScanResult } from '../scanner';
import { changedSpan } from '../scanner/incremental';
import type { Settings } from '../settings';
import type { RuleFinding } from './types';

/** One finding of a rule for a candidate, before severities and suppressions are applied. */
export interface RuleResult {
  finding: RuleFinding;
  fallback: Severity;
  entry?: ModelEntry;
}

/** One typo lookup a candidate made: the text, what it found, and whether the file's limit allowed it. */
export interface Lookup {
  text: string;
  found: readonly Suggestion[];
  allowed: boolean;
}

interface Entry {
  /** The memo's current generation: an entry of another memo, or of one since reset, is not this one's. */
  by: object;
  /** The candidate's start when it was checked. */
  at: number;
  about: boolean;
  results: readonly RuleResult[];
  lookups: readonly Lookup[];
}

/** How far from an edit the rules may read the text around a word of prose or a comment. */
const PROSE_REACH = 300;

/** The things every finding depends on besides the candidate: a change of any of them forgets everything. */
interface MemoKey {
  registry: Registry;
  settings: Settings;
  languageId: string;
  path: string;
  /** The language of the messages. */
  locale: string;
}

/**
 * Entries live on the candidates themselves (`checked`), not in a table: a 1 MB config has ten thousand of them,
 * and a weak map of that size cost more to fill and to collect than the check it saves.
 */
export class RuleMemo {
  /** Replaced to forget every entry at once. */
  private generation: object = {};
  private key: MemoKey | null = null;
  private text: string | null = null;
  /** Where the text changed since the last check (new offsets), or null when nothing is carried over. */
  private changed: { start: number; end: number } | null = null;

  /**
   * Start a check of `text`: forget everything if anything but the text changed, else note where the text did (from
   * `edit`, the scan's own record of it, when that edit starts from the text of the last check).
   */
  begin(text: string, key: MemoKey, edit?: ScanResult['edit']): void {
    const same = this.key !== null && (Object.keys(key) as Array<keyof MemoKey>).every((k) => key[k] === this.key![k]);
    if (!same || this.text === null) {
      this.generation = {};
      this.changed = null;
    } else if (text !== this.text) {
      const span = edit && edit.before === this.text ? { start: edit.start, newEnd: edit.end } : changedSpan(this.text, text);
      this.changed = { start: span.start, end: span.newEnd };
    }
    this.key = key;
    this.text = text;
  }

  /**
   * The results kept for a candidate, moved to where it is now, or null when it must be checked again.
   * `allowedNow(text)` says whether a lookup of that text would be made now.
   */
  replay(c: Candidate, allowedNow: (text: string) => boolean): { results: readonly RuleResult[]; lookups: readonly Lookup[] } | null {
    const e = this.entryOf(c);
    if (!e || e.about !== c.about) return null;
    if (c.where !== 'value' && this.changed && c.value.end + PROSE_REACH >= this.changed.start && c.value.start - PROSE_REACH <= this.changed.end) return null;
    if (e.lookups.some((l) => allowedNow(l.text) !== l.allowed)) return null;
    const delta = c.value.start - e.at;
    if (delta === 0 || e.results.length === 0) return e;
    return { results: e.results.map((r) => ({ ...r, finding: { ...r.finding, start: r.finding.start + delta, end: r.finding.end + delta } })), lookups: e.lookups };
  }

  /** Keep what the rules found for a candidate, when all of it lies in the candidate's own text. */
  remember(c: Candidate, results: readonly RuleResult[], lookups: readonly Lookup[]): void {
    for (let r = 0; r < results.length; r++) {
      if (results[r].finding.start < c.value.start || results[r].finding.end > c.value.end) {
        c.checked = undefined;
        return;
      }
    }
    const entry: Entry = { by: this.generation, at: c.value.start, about: c.about, results, lookups };
    c.checked = entry;
  }

  private entryOf(c: Candidate): Entry | null {
    const e = c.checked;
    // Only this memo, in this generation, puts its entries there, so one with its mark is an Entry.
    return e !== undefined && e.by === this.generation ? (e as Entry) : null;
  }
}
