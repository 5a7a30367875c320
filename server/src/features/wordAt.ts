/** Finding the model name under the cursor in any text (code, comments, prose). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Match, Registry } from '../registry';

const NAME_CHAR = /[A-Za-z0-9_.\-]/;

interface WordAt {
  text: string;
  start: number;
  end: number;
}

/** The run of name characters around an offset, without trailing punctuation. */
export function wordAt(doc: TextDocument, offset: number): WordAt | null {
  const line = doc.positionAt(offset).line;
  const lineStart = doc.offsetAt({ line, character: 0 });
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  let s = offset - lineStart;
  let e = s;
  while (s > 0 && NAME_CHAR.test(text[s - 1])) s--;
  while (e < text.length && NAME_CHAR.test(text[e])) e++;
  while (e > s && /[.\-]/.test(text[e - 1])) e--;
  while (s < e && /[.\-_]/.test(text[s])) s++;
  if (e <= s || e - s > 120) return null;
  return { text: text.slice(s, e), start: lineStart + s, end: lineStart + e };
}

/** A model by exact spelling, or by normalised spelling when that is unambiguous. */
export function lookupName(registry: Registry, name: string): Match | undefined {
  const exact = registry.get(name);
  if (exact) return exact;
  const folded = registry.findNormalized(name);
  return folded.length === 1 ? folded[0] : undefined;
}
