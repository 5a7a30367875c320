/** Finding the model name under the cursor in any text (code, comments, prose). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Match, Registry } from '../registry';

/** Characters of ids, wrappers included (`anthropic/…`, `…-v2:0`, `…@20241022`). */
const ID_CHAR = /[A-Za-z0-9_.\-:@/]/;
/** How far either side of the cursor a name is looked for. */
const WINDOW = 256;
/** Characters of a bare id. */
const NAME_CHAR = /[A-Za-z0-9_.\-]/;

interface WordAt {
  text: string;
  start: number;
  end: number;
}

/** The run of characters of one class around an offset, without trailing punctuation. */
function runAt(text: string, at: number, lineStart: number, chars: RegExp): WordAt | null {
  let s = at;
  let e = at;
  while (s > 0 && chars.test(text[s - 1])) s--;
  while (e < text.length && chars.test(text[e])) e++;
  while (e > s && /[.\-:/@]/.test(text[e - 1])) e--;
  while (s < e && /[.\-_:/@]/.test(text[s])) s++;
  if (e <= s || e - s > 128) return null;
  return { text: text.slice(s, e), start: lineStart + s, end: lineStart + e };
}

/** The words around an offset that may be a name, widest first: with its wrapper, then the bare id. */
function wordsAt(doc: TextDocument, offset: number): WordAt[] {
  // The line around the offset, at most WINDOW characters each side: a name is never longer than 128.
  const line = doc.positionAt(offset).line;
  const from = Math.max(doc.offsetAt({ line, character: 0 }), offset - WINDOW);
  const to = Math.min(doc.offsetAt({ line: line + 1, character: 0 }), offset + WINDOW);
  const text = doc.getText({ start: doc.positionAt(from), end: doc.positionAt(to) });
  const lineStart = from;
  const at = offset - from;
  const out: WordAt[] = [];
  for (const chars of [ID_CHAR, NAME_CHAR]) {
    const w = runAt(text, at, lineStart, chars);
    if (w && !out.some((o) => o.text === w.text)) out.push(w);
  }
  return out;
}

/** A model by exact spelling (or inside a wrapper), or by normalised spelling when that is unambiguous. */
function lookupName(registry: Registry, name: string): Match | undefined {
  const resolved = registry.resolve(name);
  if (resolved) return resolved.match;
  const folded = registry.findNormalized(name);
  return folded.length === 1 ? folded[0] : undefined;
}

/** The first word around the offset that names a model, and the model. */
export function nameAt(doc: TextDocument, registry: Registry, offset: number): { word: WordAt; match: Match } | null {
  for (const word of wordsAt(doc, offset)) {
    const match = lookupName(registry, word.text);
    if (match) return { word, match };
  }
  return null;
}
