/** Prose (plain text, comments, Markdown outside code): every word shaped like a model name is a candidate. */
import type { LanguageSpec } from '../languages';
import { isModelShaped, NAME_TOKEN } from './shape';
import { makeCandidate, makeValue, type Container, type ScanResult, type Where } from './types';
import { drain, type Steps } from '../util/steps';

/** A comment or a string's words, at once. */
export function scanProse(text: string, from: number, to: number, container: Container, out: ScanResult, where: Where): void {
  drain(scanProseSteps(text, from, to, container, out, where));
}

/** A document or a long stretch of prose, in steps. */
export function* scanProseSteps(text: string, from: number, to: number, container: Container, out: ScanResult, where: Where): Steps {
  // On the range only: a global search from `from` would look through the rest of the file for each comment.
  const slice = text.slice(from, to);
  // Its own copy of the pattern: a paused scan must not share `lastIndex` with another.
  const token = new RegExp(NAME_TOKEN.source, NAME_TOKEN.flags);
  let n = 0;
  for (let m = token.exec(slice); m; m = token.exec(slice)) {
    if ((++n & 1023) === 0) yield;
    const start = from + m.index;
    const word = m[0];
    if (word.length < 4 || !isModelShaped(word)) continue;
    // A segment of a URL or a path (`…/tags/gpt-4-v`, `docs/gpt-4o/`) is not a name.
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const after = text.charCodeAt(start + word.length);
    if (before === 47 || before === 92 || after === 47 || after === 92) continue;
    // A command-line flag named after a model (`--o1-mini`) is not the model.
    if (before === 45 && text.charCodeAt(start - 2) === 45) continue;
    out.candidates.push(makeCandidate(makeValue(word, start, start + word.length, 'bare'), null, 'shape', container, where, false));
  }
}

/** A line or block comment of the language at `i`: recorded, its words scanned as prose. Where it ends, or -1 when there is none. */
export function scanComment(text: string, i: number, to: number, spec: LanguageSpec, container: Container, out: ScanResult): number {
  for (const lc of spec.line) {
    if (!text.startsWith(lc, i)) continue;
    let e = text.indexOf('\n', i);
    if (e < 0 || e > to) e = to;
    out.comments.push({ start: i, end: e, text: text.slice(i + lc.length, e) });
    scanProse(text, i, e, container, out, 'comment');
    return e;
  }
  for (const [o, cl] of spec.block) {
    if (!text.startsWith(o, i)) continue;
    let e = text.indexOf(cl, i + o.length);
    e = e < 0 || e > to ? to : e + cl.length;
    out.comments.push({ start: i, end: e, text: text.slice(i + o.length, Math.max(i + o.length, e - cl.length)) });
    scanProse(text, i, e, container, out, 'comment');
    return e;
  }
  return -1;
}
