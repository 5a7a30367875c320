import type { Checkpoint } from './checkpoints';
import { isNamedAfter } from './shape';

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
  pairs: Pairs;
  parent: Container | null;
  /** Code about names, not uses of them: the arguments of `startswith(…)`, the list after `in`. */
  about?: boolean;
  /** Set once the whole document is scanned: a table of models, a record of results or a response (see `markTablesAndRecords`). */
  table?: boolean;
  /** What its key says (see `keyFacts` in `context.ts`), -1 until asked. */
  keyFacts: number;
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
  /** Code about the name rather than a use of it: a prefix or substring test, a comparison, a table's key, a tokenizer lookup, a constant named after it. */
  about: boolean;
  /** `about` as the scan of its structure found it, before the whole document was looked at (tables, records). */
  aboutHere?: boolean;
  /** What its key says (see `keyFacts` in `context.ts`), -1 until asked. */
  keyFacts: number;
  /** What the last check of this candidate found, kept by that check's memo for the next (see `diagnostics/memo.ts`). */
  checked?: { readonly by: object };
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

/** One member of a structure's pairs, and the next one (a chain that hot loops read without an iterator). */
export interface Pair {
  readonly key: string;
  value: Value;
  next: Pair | null;
  /** What its key says (see `keyFacts` in `context.ts`), -1 until asked. */
  keyFacts: number;
}

/** Past this many pairs, a structure's pairs get an index (a 10,000-key object is looked up in constant time). */
const INDEXED_FROM = 16;

/**
 * Key → value of the scalar members of a structure, in the order first seen: the part of a map that the scanner
 * and the rules use. Most structures have a handful of pairs, so they are a short chain (about a quarter of a
 * map's memory, which matters for a scan of a 1 MB file with tens of thousands of structures).
 */
export class Pairs {
  private head: Pair | null = null;
  private tail: Pair | null = null;
  private count = 0;
  private index: Map<string, Pair> | null = null;

  get size(): number {
    return this.count;
  }

  /** The first pair; follow `next` for the others, in order. */
  get first(): Readonly<Pair> | null {
    return this.head;
  }

  private find(key: string): Pair | null {
    if (this.index) return this.index.get(key) ?? null;
    for (let p = this.head; p; p = p.next) if (p.key === key) return p;
    return null;
  }

  get(key: string): Value | undefined {
    return this.find(key)?.value;
  }

  has(key: string): boolean {
    return this.find(key) !== null;
  }

  /** A key set again keeps its place and takes the new value. `keyFacts` are its key's, when the caller knows them. */
  set(key: string, value: Value, keyFacts = -1): this {
    const known = this.find(key);
    if (known) {
      known.value = value;
      return this;
    }
    const pair: Pair = { key, value, next: null, keyFacts };
    if (this.tail) this.tail.next = pair;
    else this.head = pair;
    this.tail = pair;
    this.count++;
    if (this.index) this.index.set(key, pair);
    else if (this.count > INDEXED_FROM) {
      this.index = new Map();
      for (let p: Pair | null = this.head; p; p = p.next) this.index.set(p.key, p);
    }
    return this;
  }

  *values(): IterableIterator<Value> {
    for (let p = this.head; p; p = p.next) yield p.value;
  }

  *[Symbol.iterator](): IterableIterator<[string, Value]> {
    for (let p = this.head; p; p = p.next) yield [p.key, p.value];
  }
}

/** The pairs of a structure that has none yet: one shared empty set, replaced by its own on the first pair (see `setPair`). */
class NoPairs extends Pairs {
  override set(): this {
    throw new Error('a structure without pairs is shared: use setPair');
  }
}
export const NO_PAIRS: Pairs = new NoPairs();

/** Give a structure a pair (its own set is made on the first). */
export function setPair(c: Container, key: string, value: Value, keyFacts = -1): void {
  if (c.pairs === NO_PAIRS) c.pairs = new Pairs();
  c.pairs.set(key, value, keyFacts);
}

/** Structures nested deeper than this are not kept apart (a file of `[[[[…` is counted, not kept). */
export const MAX_DEPTH = 256;

/**
 * The values, structures and candidates of every scanner are made here, each kind with all its fields in one order:
 * the rules read them from every language, and objects of one shape keep those reads fast (a JSON check ran half
 * as fast again once the code scanner's structures, of another shape, had passed through the same functions).
 */
export function makeValue(text: string, start: number, end: number, kind: Value['kind'], open = false): Value {
  return { text, start, end, kind, open: open || undefined };
}

export function makeContainer(kind: Container['kind'], key: string | null, callee: string | null, start: number, parent: Container | null, pairs: Pairs = NO_PAIRS, about = false, keyFacts = -1): Container {
  return { kind, key, callee, start, pairs, parent, about: about || undefined, table: undefined, keyFacts };
}

/** A candidate; a value named by its own key (`GPT_4 = "gpt-4"`, a constant named after its model) is about the name. */
export function makeCandidate(value: Value, key: string | null, reason: Candidate['reason'], container: Container, where: Where, about: boolean, keyFacts = -1): Candidate {
  const named = where === 'value' && key !== null && isNamedAfter(key, value.text);
  return { value, key, reason, container, where, about: about || named, aboutHere: undefined, keyFacts, checked: undefined };
}

/** A fresh top-level structure starting at `start`. */
export function rootContainer(start: number): Container {
  return makeContainer('root', null, null, start, null, new Pairs());
}
