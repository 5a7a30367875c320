/** Character codes and small look-arounds shared by the code scanner and its string reader. */

import type { Steps } from '../util/steps';

export const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  DQuote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Amp = 38,
  SQuote = 39,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Colon = 58,
  Semi = 59,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  Question = 63,
  At = 64,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Underscore = 95,
  Backtick = 96,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
}

export const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === Ch.Underscore || c === Ch.Dollar || c > 127;
export const isIdentPart = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57);
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isSpace = (c: number): boolean => c === Ch.Space || c === Ch.Tab || c === Ch.LF || c === Ch.CR;

/** Only spaces or tabs between two offsets, and they are close: a key and its `:`, a callee and its `(`. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (to - from > 64) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== Ch.Space && c !== Ch.Tab) return false;
  }
  return true;
}

/** The character before `before`, skipping white space (looking back at most 64 characters), or -1. */
export function previousSignificant(text: string, before: number, from: number): number {
  for (let k = before - 1, n = 0; k >= from && n < 64; k--, n++) {
    const c = text.charCodeAt(k);
    if (!isSpace(c)) return c;
  }
  return -1;
}

/** The offset of the next character that is not a space or tab. */
export function nextSignificantIndex(text: string, from: number, to: number): number {
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c !== Ch.Space && c !== Ch.Tab) break;
    k++;
  }
  return k;
}

export function nextSignificant(text: string, from: number, to: number): number {
  const k = nextSignificantIndex(text, from, to);
  return k < to ? text.charCodeAt(k) : -1;
}

/**
 * Calls `visit` for each line of `text[from, to)` (without its `\r\n`), pausing every 512 lines so a long
 * scan can run in slices.
 */
export function* eachLine(text: string, from: number, to: number, visit: (lineStart: number, line: string) => void): Steps {
  let lineStart = from;
  let n = 0;
  while (lineStart < to) {
    if ((++n & 511) === 0) yield;
    const lineEnd = lineEndAt(text, lineStart, to);
    visit(lineStart, text.slice(lineStart, lineEnd).replace(/\r$/, ''));
    lineStart = lineEnd + 1;
  }
}

/** Where the line starting at `lineStart` ends (its `\n`), or `to` when that comes first. */
export function lineEndAt(text: string, lineStart: number, to: number): number {
  const end = text.indexOf('\n', lineStart);
  return end < 0 || end > to ? to : end;
}
