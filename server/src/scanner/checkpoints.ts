/**
 * Checkpoints of the structured scans (programming languages and JSON), so that a scan after an edit can start
 * again part-way and stop where it meets the earlier scan in the same state (see `incremental.ts`).
 */
import type { Container } from './types';

/**
 * A place where a scanner is at rest: just after a comma in a list, with nothing pending. Scanning again from
 * there with the same structures open gives what a scan from the start gives (the text before it is not read again,
 * and what was read before it never looks past the comma).
 */
export interface Checkpoint {
  offset: number;
  /** The structures open there, outermost first (the last is the list). */
  stack: readonly Container[];
}

/** What a scan records and, when it resumes after an edit, where it may stop. */
export interface Marks {
  /** Checkpoints found, in order. */
  checkpoints: Checkpoint[];
  /** Resuming: where to start (a checkpoint of the earlier scan, before the edit). */
  resume?: Checkpoint;
  /** Resuming: the earlier scan's checkpoints after the edit, their offsets moved to the new text. */
  ahead?: readonly Checkpoint[];
  /** Set when the resumed scan met one of `ahead` in the same state: everything after it is as before. */
  resynced?: Checkpoint;
  /** Set when the resumed scan left a structure open at `resume`: its result cannot be joined to the earlier one. */
  lost?: boolean;
}

/** Leave at least this much text between checkpoints. */
const CHECKPOINT_SPACING = 2048;

/** A scanner's side of its marks: the structures it starts with, checkpoints taken, the earlier scan met again. */
export class Marker {
  /** The structures open where the scan starts (the root, or those of the checkpoint it resumes from). */
  readonly stack: Container[];
  private readonly floor: number;
  /** Resuming: how many pairs the open structures held when the scan resumed (the part scanned again may add none). */
  private readonly resumedPairs: readonly number[];
  private nextCheckpoint: number;
  /** The next of `marks.ahead` to meet. */
  private ahead = 0;

  constructor(
    private readonly marks: Marks | undefined,
    root: Container,
    from: number,
  ) {
    this.stack = marks?.resume ? [...marks.resume.stack] : [root];
    this.floor = this.stack.length;
    this.resumedPairs = this.stack.map((c) => c.pairs.size);
    this.nextCheckpoint = this.start(from) + CHECKPOINT_SPACING;
  }

  /** Where the scan starts: the checkpoint it resumes from, or `from`. */
  start(from: number): number {
    return this.marks?.resume ? this.marks.resume.offset : from;
  }

  /** Resuming, a structure open at the checkpoint has been closed: the scan cannot be joined to the earlier one. */
  lost(stack: readonly Container[]): boolean {
    if (!this.marks?.resume || stack.length >= this.floor) return false;
    this.marks.lost = true;
    return true;
  }

  /**
   * At rest at `i`, just after a comma: take a checkpoint, or, resuming, find the earlier scan in the same state.
   * True when it is: the rest is as the earlier scan found it, and the scan stops.
   */
  atRest(i: number, stack: readonly Container[]): boolean {
    const marks = this.marks;
    if (!marks) return false;
    const ahead = marks.ahead ?? [];
    while (this.ahead < ahead.length && ahead[this.ahead].offset < i) this.ahead++;
    const old = ahead[this.ahead];
    // The same structures open, and none given a pair by the part scanned again: the rest of the earlier scan stands.
    if (old && old.offset === i && old.stack.length === stack.length && old.stack.every((c, k) => c === stack[k] && c.pairs.size === this.resumedPairs[k])) {
      marks.resynced = old;
      return true;
    }
    if (i >= this.nextCheckpoint) {
      marks.checkpoints.push({ offset: i, stack: [...stack] });
      this.nextCheckpoint = i + CHECKPOINT_SPACING;
    }
    return false;
  }
}
