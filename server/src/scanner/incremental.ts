/**
 * Scanning again after an edit: only from the last checkpoint before the edit to the first checkpoint after it
 * where the scanner is in the same state as before, the rest of the earlier scan moved by the edit's length.
 * Where that cannot be shown (another family of languages, no checkpoint, a structure closed by the edit),
 * the whole document is scanned. Either way the result is what a fresh scan of the new text gives.
 */
import { languageSpec } from '../languages';
import type { Steps } from '../util/steps';
import type { Checkpoint, Marks } from './checkpoints';
import { scanCode } from './code';
import { scanJson } from './json';
import { markTablesAndRecords, scanSteps } from './index';
import { rootContainer, type Candidate, type Container, type ScanResult, type Value } from './types';

/** Where two texts differ: from `start` to `oldEnd` in the old one, to `newEnd` in the new one. */
export function changedSpan(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(before.length, after.length);
  // Whole blocks compared as strings first (the engine compares them natively), then character by character.
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const room = max - start;
  while (tail + BLOCK <= room && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** How much text `changedSpan` compares at once. */
const BLOCK = 4096;

/** The index of the first item whose offset is at least `at` (items sorted by offset). */
function firstFrom<T>(items: readonly T[], at: number, offset: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offset(items[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The scan of `text`, reusing the scan of `before` (the same document before an edit) where it can. */
export function* rescanSteps(before: string, previous: ScanResult, text: string, languageId: string): Steps<ScanResult> {
  const spec = languageSpec(languageId);
  const checkpoints = previous.checkpoints ?? [];
  if ((spec.mode !== 'code' && spec.mode !== 'json') || checkpoints.length === 0) return yield* scanSteps(text, languageId);
  const edit = changedSpan(before, text);
  const delta = edit.newEnd - edit.oldEnd;
  // The last checkpoint before the edit (its comma is before the first changed character).
  const k = firstFrom(checkpoints, edit.start + 1, (c) => c.offset) - 1;
  const resume = checkpoints[k];
  if (!resume || resume.stack[resume.stack.length - 1].pairs.size > 0) return yield* scanSteps(text, languageId);
  // The earlier checkpoints after the edit (their commas after the last changed character), moved.
  const ahead = checkpoints.slice(firstFrom(checkpoints, edit.oldEnd + 1, (c) => c.offset)).map((c): Checkpoint => ({ offset: c.offset + delta, stack: c.stack }));
  const region: ScanResult = { candidates: [], comments: [] };
  const marks: Marks = { checkpoints: [], resume, ahead };
  yield* (spec.mode === 'json' ? scanJson : scanCode)(text, 0, text.length, spec, rootContainer(0), region, marks);
  const met = marks.resynced;
  if (marks.lost) return yield* scanSteps(text, languageId);
  // A scan that ran to the end without meeting the earlier one cannot join it where a structure open at the checkpoint
  // holds pairs the earlier scan found after it (a file cut short keeps them otherwise).
  if (!met && resume.stack.some((c) => hasPairFrom(c, resume.offset))) return yield* scanSteps(text, languageId);
  yield;

  const cut = resume.offset;
  // Where the earlier scan is taken up again, in its own offsets (nothing of it when the scan went to the end).
  const rejoin = met ? met.offset - delta : Infinity;
  const beforeCands = previous.candidates.slice(0, firstFrom(previous.candidates, cut, (c) => c.value.start));
  const afterCands = previous.candidates.slice(firstFrom(previous.candidates, rejoin, (c) => c.value.start));
  const beforeComments = previous.comments.slice(0, firstFrom(previous.comments, cut, (c) => c.start));
  const afterComments = previous.comments.slice(firstFrom(previous.comments, rejoin, (c) => c.start));
  if (delta !== 0) shift([...beforeCands, ...afterCands], afterComments, rejoin, delta);
  const out: ScanResult = {
    candidates: [...beforeCands, ...region.candidates, ...afterCands],
    comments: [...beforeComments, ...region.comments, ...afterComments],
    checkpoints: [...checkpoints.slice(0, k + 1), ...marks.checkpoints, ...(met ? ahead.slice(ahead.indexOf(met)) : [])],
    edit: { before, start: edit.start, end: edit.newEnd },
  };
  yield;
  // The structures open where the scan resumed may have gained or lost members: judged again.
  for (const c of resume.stack) c.table = undefined;
  yield* markTablesAndRecords(out, languageId);
  return out;
}

/** Has the structure a pair whose value starts at or after `offset`? */
function hasPairFrom(c: Container, offset: number): boolean {
  for (const v of c.pairs.values()) if (v.start >= offset) return true;
  return false;
}

/**
 * Move by `delta` everything of the earlier scan at or after `from` (its own offsets): candidates, the values and
 * starts of the structures they are in (and of those around them), and comments. Each value is moved once.
 */
function shift(candidates: readonly Candidate[], comments: ScanResult['comments'], from: number, delta: number): void {
  const moved = new Set<Value>();
  const seen = new Set<Container>();
  const move = (v: Value) => {
    if (v.start < from || moved.has(v)) return;
    moved.add(v);
    v.start += delta;
    v.end += delta;
  };
  for (const c of candidates) {
    move(c.value);
    for (let k: Container | null = c.container; k && !seen.has(k); k = k.parent) {
      seen.add(k);
      if (k.start >= from) k.start += delta;
      for (const v of k.pairs.values()) move(v);
    }
  }
  for (const c of comments) {
    c.start += delta;
    c.end += delta;
  }
}
