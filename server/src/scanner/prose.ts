/** Prose (plain text, comments, Markdown outside code): every word shaped like a model name is a candidate. */
import { isModelShaped, NAME_TOKEN } from './shape';
import type { Container, ScanResult, Where } from './types';

export function scanProse(text: string, from: number, to: number, container: Container, out: ScanResult, where: Where): void {
  // On the range only: a global search from `from` would look through the rest of the file for each comment.
  const slice = text.slice(from, to);
  NAME_TOKEN.lastIndex = 0;
  for (let m = NAME_TOKEN.exec(slice); m; m = NAME_TOKEN.exec(slice)) {
    const start = from + m.index;
    const word = m[0];
    if (word.length < 4 || !isModelShaped(word)) continue;
    out.candidates.push({ value: { text: word, start, end: start + word.length, kind: 'bare' }, key: null, reason: 'shape', container, where, about: false });
  }
}
