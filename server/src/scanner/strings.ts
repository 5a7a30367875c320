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

/** Read a string starting at its opening quote. Ends at the closing quote, or at the end of the line when unterminated (single-line kinds). */
export function readString(text: string, q: number, to: number, spec: LanguageSpec, prefix: string): StringRead {
  const quote = text.charCodeAt(q);
  const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote && (spec.python === true || spec.csharp === true || spec.keyvalue !== undefined);
  const raw = /[rR]/.test(prefix) && spec.python === true;
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
    if (!multiline && (c === Ch.LF || c === Ch.CR)) return { start, end: k, next: k, open: true, triple };
    if (c === quote) {
      if (triple) {
        if (text.charCodeAt(k + 1) === quote && text.charCodeAt(k + 2) === quote) return { start, end: k, next: k + 3, open: false, triple };
      } else if (verbatim && text.charCodeAt(k + 1) === quote) {
        k += 2; // "" inside a verbatim string
        continue;
      } else return { start, end: k, next: k + 1, open: false, triple };
    }
    k++;
  }
  return { start, end: to, next: to, open: true, triple };
}
