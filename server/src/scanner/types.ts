import type { Checkpoint } from './checkpoints';

/** What the scanner finds: values that may be model names, with their context, and the comments. Offsets are UTF-16 code units. */

export interface Value {
  /** The text as written between the quotes (escapes are not interpreted; names have none). */
  text: string;
  start: number;
  end: number;
  kind: 'string' | 'number' | 'bare';
  /** The closing quote is missing (the user is typing). */
  open?: boolean;
}

export interface Container {
  kind: 'object' | 'call' | 'array' | 'block' | 'mapping' | 'section' | 'root';
  /** The key this structure is the value of (`embeddings` in `"embeddings": {…}`). */
  key: string | null;
  /** For calls and `new X {…}`: the callee, with its dotted path (`client.embeddings.create`). */
  callee: string | null;
  start: number;
  /** Key → value of the scalar members seen in this structure. */
  pairs: Map<string, Value>;
  parent: Container | null;
  /** Code about names, not uses of them: the arguments of `startswith(…)`, the list after `in`. */
  about?: boolean;
  /** Set once the whole document is scanned: a table of models, a record of results or a response (see `markTablesAndRecords`). */
  table?: boolean;
}

export interface Candidate {
  value: Value;
  /** The key, keyword argument, property or builder call the value belongs to. */
  key: string | null;
  /** Why this is a candidate: a model key, or the shape of the text. */
  reason: 'key' | 'shape';
  container: Container;
  /** A value in code or config, a word of prose (Markdown, plain text, a docstring, a label field), or a word of a comment. */
  where: Where;
  /** Code about the name rather than a use of it: a prefix or substring test, a comparison, a table's key, a tokenizer lookup. */
  about: boolean;
  /** `about` as the scan of its structure found it, before the whole document was looked at (tables, records). */
  aboutHere?: boolean;
}

export type Where = 'value' | 'prose' | 'comment';

interface Comment {
  start: number;
  end: number;
  /** The text of the comment without its delimiters. */
  text: string;
}

export interface ScanResult {
  candidates: Candidate[];
  comments: Comment[];
  /** Where a scan after an edit may start again (programming languages and JSON only). */
  checkpoints?: Checkpoint[];
  /** A scan made from the scan of `before`: where the text changed (new offsets), so that later steps need not compare again. */
  edit?: { before: string; start: number; end: number };
}

/** The pairs of a structure that has none yet: one shared empty map, replaced by its own on the first pair (see `setPair`). */
class NoPairs extends Map<string, Value> {
  override set(): this {
    throw new Error('a structure without pairs is shared: use setPair');
  }
}
export const NO_PAIRS: Map<string, Value> = new NoPairs();

/** Give a structure a pair (its own map is made on the first). */
export function setPair(c: Container, key: string, value: Value): void {
  if (c.pairs === NO_PAIRS) c.pairs = new Map();
  c.pairs.set(key, value);
}

/** A fresh top-level structure starting at `start`. */
export function rootContainer(start: number): Container {
  return { kind: 'root', key: null, callee: null, start, pairs: new Map(), parent: null };
}
