/** Reading one string literal of a programming language: quotes, prefixes, escapes, triple quotes, verbatim and raw strings. */
import type { LanguageSpec } from '../languages';
import { Ch } from './chars';

interface StringRead {
  /** The text between the quotes. */
  start: number;
  end: number;
  /** Where scanning continues. */
  next: number;
  /** The closing quote is missing. */
  open: boolean;
  /** Triple-quoted (a docstring or block string). */
  triple: boolean;
}

/** The answer of `readString`: one object, filled in again by each call (a file has tens of thousands of strings). */
const read: StringRead = { start: 0, end: 0, next: 0, open: false, triple: false };

function answer(start: number, end: number, next: number, open: boolean, triple: boolean): Readonly<StringRead> {
  read.start = start;
  read.end = end;
  read.next = next;
  read.open = open;
  read.triple = triple;
  return read;
}

/**
 * Read a string starting at its opening quote. Ends at the closing quote, or at the end of the line when unterminated (single-line kinds).
 * The answer is valid until the next call.
 */
export function readString(text: string, q: number, to: number, spec: LanguageSpec, prefix: string): Readonly<StringRead> {
  const quote = text.charCodeAt(q);
  const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote && (spec.python === true || spec.csharp === true || spec.keyvalue !== undefined);
  const raw = spec.python === true && /[rR]/.test(prefix);
  const verbatim = spec.csharp === true && prefix.includes('@');
  const multiline = triple || quote === Ch.Backtick || verbatim;
  const noEscapes = raw || verbatim || (quote === Ch.Backtick && (!spec.backtick || spec.rawBacktick === true)) || (triple && spec.csharp === true);
  const qlen = triple ? 3 : 1;
  const start = q + qlen;
  let k = start;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c === Ch.Backslash && !noEscapes) {
      k += 2;
      continue;
    }
    if (!multiline && (c === Ch.LF || c === Ch.CR)) return answer(start, k, k, true, triple);
    if (c === quote) {
      if (triple) {
        if (text.charCodeAt(k + 1) === quote && text.charCodeAt(k + 2) === quote) return answer(start, k, k + 3, false, triple);
      } else if (verbatim && text.charCodeAt(k + 1) === quote) {
        k += 2; // "" inside a verbatim string
        continue;
      } else return answer(start, k, k + 1, false, triple);
    }
    k++;
  }
  return answer(start, to, to, true, triple);
}
