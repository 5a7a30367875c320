/**
 * JSON and JSON with comments: objects, arrays, strings, numbers and literal words, nothing else to track,
 * so one tight pass is enough (the general code scanner looks for calls, builder chains, comparisons and
 * statements at every character). It forgives what a user is typing: a missing comma, an unquoted key or a
 * string left open reads on as far as it makes sense, and no text is ever thrown away. A top-level object is
 * one structure (its members are siblings wherever the lines break).
 *
 * A 1 MB file holds tens of thousands of objects, and the rules only look at the pairs of those that hold a
 * candidate. So the members of an object are kept as offsets in buffers the scan reuses, and made into values
 * when it closes, only if a candidate is in it.
 */
import type { LanguageSpec } from '../languages';
import { Ch, isDigit, isIdentPart, isIdentStart, nextSignificantIndex } from './chars';
import { Marker, type Marks } from './checkpoints';
import { mayBeCandidate, takesTypedNames, valueCandidate } from './context';
import { mayStartName } from './shape';
import { scanComment } from './prose';
import { isTable } from './tables';
import { Ahead, DocumentTexts } from './texts';
import { makeContainer, makeValue, MAX_DEPTH, NO_PAIRS, setPair, type Container, type ScanResult, type Value } from './types';
import type { Steps } from '../util/steps';

/**
 * Scan JSON from `from` to `to`, adding to `out`. True when the scan judged every structure holding a candidate and
 * found none about names (no table, record or response): then, for a document that is this JSON alone, nothing is
 * left for `markTablesAndRecords` to do. (A scan resumed after an edit has not judged the structures open where it
 * resumed; a JSON block of a Markdown file is one part of its document's candidates.)
 */
export function* scanJson(text: string, from: number, to: number, spec: LanguageSpec, root: Container, out: ScanResult, marks?: Marks): Steps<boolean> {
  return yield* new JsonScanner(text, to, spec, out, marks, new Marker(marks, root, from), from).run();
}

class JsonScanner {
  private readonly stack: Container[];
  private top: Container;
  /** The key waiting for its value: `model` after `"model":`, and what it says of its value (`keyFacts`). */
  private key: string | null = null;
  private keyBits = 0;
  /** Structures opened beyond MAX_DEPTH and not yet closed. */
  private tooDeep = 0;
  private i: number;
  private readonly texts: DocumentTexts;
  private readonly ahead: Ahead;
  /** The members of the open objects so far, innermost last: key and its facts, text, offsets, kind, whether open, the value if made. */
  private readonly pairKeys: string[] = [];
  private readonly pairKeyFacts: number[] = [];
  private readonly pairTexts: Array<string | null> = [];
  private readonly pairStarts: number[] = [];
  private readonly pairEnds: number[] = [];
  private readonly pairKinds: Array<Value['kind']> = [];
  private readonly pairOpen: boolean[] = [];
  private readonly pairValues: Array<Value | null> = [];
  private pairCount = 0;
  /** For each open structure (by depth): where its members begin in those buffers, how many candidates it holds, and how many of those are bare names. */
  private readonly membersFrom: number[] = [];
  private readonly candidatesIn: number[] = [];
  private readonly bareIn: number[] = [];
  /** Has a structure been judged a table, a record or a response? */
  private tables = false;

  constructor(
    private readonly text: string,
    private readonly to: number,
    private readonly spec: LanguageSpec,
    private readonly out: ScanResult,
    private readonly marks: Marks | undefined,
    private readonly marker: Marker,
    from: number,
  ) {
    this.stack = marker.stack;
    this.top = this.stack[this.stack.length - 1];
    this.i = marker.start(from);
    this.ahead = new Ahead(text, to);
    this.texts = new DocumentTexts(text);
    for (let d = 0; d < this.stack.length; d++) {
      this.membersFrom.push(0);
      this.candidatesIn.push(0);
      this.bareIn.push(0);
    }
  }

  *run(): Steps<boolean> {
    yield* this.read();
    // Structures still open at the end (a file being typed): their members as a closed one's.
    for (let d = this.stack.length - 1; d >= 0; d--) this.settle(d);
    return !this.marks?.resume && !this.tables;
  }

  private *read(): Steps {
    const { text, to } = this;
    let n = 0;
    while (this.i < to) {
      if ((++n & 2047) === 0) yield;
      const c = text.charCodeAt(this.i);
      if (c === Ch.Space || c === Ch.LF || c === Ch.CR || c === Ch.Tab) this.i++;
      else if (c === Ch.DQuote || c === Ch.SQuote) this.string();
      else if (c === Ch.Comma) {
        this.key = null;
        this.i++;
        // Just after a comma in a list, nothing pending: a checkpoint (or, resuming, perhaps the earlier scan met again).
        if (this.marks && this.top.kind === 'array' && this.tooDeep === 0 && this.stack.length < MAX_DEPTH && this.marker.atRest(this.i, this.stack)) return;
      } else if (c === Ch.LBrace || c === Ch.LBracket) this.open(c);
      else if (c === Ch.RBrace || c === Ch.RBracket) {
        if (!this.close()) return;
      } else if (isDigit(c) || (c === Ch.Minus && isDigit(text.charCodeAt(this.i + 1)))) this.number();
      else if (isIdentStart(c)) this.word();
      else if (c === Ch.Slash && this.comment()) {
        // recorded
      } else {
        // A stray `:` (no key before it) leaves nothing pending; other stray characters are passed over.
        if (c === Ch.Colon) this.key = null;
        this.i++;
      }
    }
  }

  /** A string: a key when a `:` follows, else a value. */
  private string(): void {
    const { text, to } = this;
    const quote = text.charCodeAt(this.i);
    const start = this.i + 1;
    // Most strings are plain: the closing quote comes before any escape or line break.
    let end = text.indexOf(quote === Ch.DQuote ? '"' : "'", start);
    let open = false;
    if (end < 0 || end >= to || end > this.ahead.until(start)) {
      end = start;
      open = true;
      while (end < to) {
        const c = text.charCodeAt(end);
        if (c === quote) {
          open = false;
          break;
        }
        if (c === Ch.LF || c === Ch.CR) break;
        if (c === Ch.Backslash && ++end >= to) break;
        end++;
      }
    }
    const next = open ? end : end + 1;
    const colon = nextSignificantIndex(text, next, to);
    if (text.charCodeAt(colon) === Ch.Colon && text.charCodeAt(colon + 1) !== Ch.Colon) {
      this.key = this.texts.cut(start, end);
      this.keyBits = this.texts.lastKeyFacts();
      this.i = colon + 1;
      return;
    }
    this.i = next;
    // Most values are plainly no name (a number as text, a type, a sentence): left uncut unless their structure needs its pairs.
    if (!takesTypedNames(this.key === null ? 0 : this.keyBits) && !mayStartName(text.charCodeAt(start)) && this.ahead.clear(start, end)) {
      this.value(null, start, end, 'string', open);
      return;
    }
    const written = this.texts.cut(start, end);
    this.value(written, start, end, 'string', open, this.texts.lastFacts());
  }

  /** A value: a candidate when it may be a model name, and the pending key's pair. `text` is null when not cut yet. */
  private value(text: string | null, start: number, end: number, kind: Value['kind'], open: boolean, facts = 0): void {
    const { key, top } = this;
    this.key = null;
    let made: Value | null = null;
    if (text !== null && kind === 'string' && mayBeCandidate(key === null ? 0 : this.keyBits, facts)) {
      made = makeValue(text, start, end, kind, open);
      const cand = valueCandidate(made, key, top, 'value', false, facts, key === null ? 0 : this.keyBits);
      if (cand) {
        this.out.candidates.push(cand);
        this.candidatesIn[this.stack.length - 1]++;
        if (key === null && cand.reason === 'shape' && cand.where === 'value') this.bareIn[this.stack.length - 1]++;
      }
    }
    if (key === null) return;
    // Only an object's members wait (a list or the top level given a key is not JSON, and rare).
    if (top.kind !== 'object') {
      setPair(top, key, made ?? makeValue(text ?? this.written(start, end, kind), start, end, kind, open), this.keyBits);
      return;
    }
    const k = this.pairCount++;
    this.pairKeys[k] = key;
    this.pairKeyFacts[k] = this.keyBits;
    this.pairTexts[k] = text;
    this.pairStarts[k] = start;
    this.pairEnds[k] = end;
    this.pairKinds[k] = kind;
    this.pairOpen[k] = open;
    this.pairValues[k] = made;
  }

  /**
   * The structure at depth `d` is done: if a candidate is in it, its members become its pairs and it is judged (is it a
   * table, a record?) while they are at hand. Its members leave the buffers.
   */
  private settle(d: number): void {
    const from = this.membersFrom[d];
    if (this.candidatesIn[d] > 0) {
      const c = this.stack[d];
      for (let k = from; k < this.pairCount; k++) {
        const open = this.pairOpen[k];
        const start = this.pairStarts[k];
        const end = this.pairEnds[k];
        const kind = this.pairKinds[k];
        setPair(c, this.pairKeys[k], this.pairValues[k] ?? makeValue(this.pairTexts[k] ?? this.written(start, end, kind), start, end, kind, open), this.pairKeyFacts[k]);
      }
      // One open where a scan after an edit resumed holds candidates this scan did not see: the caller has it judged again.
      if ((c.table = isTable(c, this.bareIn[d]))) this.tables = true;
    }
    this.pairCount = from;
  }

  /** A value's text: as written, but a number without its digit separators (`1_000`). */
  private written(start: number, end: number, kind: Value['kind']): string {
    const cut = this.text.slice(start, end);
    return kind === 'number' && cut.includes('_') ? cut.replace(/_/g, '') : cut;
  }

  private number(): void {
    const { text, to, i } = this;
    let j = i + 1;
    while (j < to && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === Ch.Dot)) j++;
    // Cut only if its structure keeps its pairs (see `settle`).
    if (this.key !== null) this.value(null, i, j, 'number', false);
    this.i = j;
  }

  /** `true`, `false`, `null` as a key's value; an unquoted key (JSON5 style) when a `:` follows. */
  private word(): void {
    const { text, to, i } = this;
    let j = i + 1;
    while (j < to && isIdentPart(text.charCodeAt(j))) j++;
    const word = this.texts.cut(i, j);
    const colon = nextSignificantIndex(text, j, to);
    if (text.charCodeAt(colon) === Ch.Colon && text.charCodeAt(colon + 1) !== Ch.Colon) {
      this.key = word;
      this.keyBits = this.texts.lastKeyFacts();
      this.i = colon + 1;
      return;
    }
    if (this.key !== null && (word === 'true' || word === 'false' || word === 'null')) this.value(word, i, j, 'bare', false);
    this.i = j;
  }

  private open(c: number): void {
    const key = this.key;
    this.key = null;
    this.i++;
    if (this.stack.length >= MAX_DEPTH) {
      this.tooDeep++;
      return;
    }
    const s = makeContainer(c === Ch.LBracket ? 'array' : 'object', key, null, this.i - 1, this.top, NO_PAIRS, this.top.about === true, key === null ? 0 : this.keyBits);
    this.stack.push(s);
    this.top = s;
    this.membersFrom[this.stack.length - 1] = this.pairCount;
    this.candidatesIn[this.stack.length - 1] = 0;
    this.bareIn[this.stack.length - 1] = 0;
  }

  /** Close the innermost structure. False when a scan resumed after an edit has closed one that was open where it resumed. */
  private close(): boolean {
    this.key = null;
    this.i++;
    if (this.tooDeep > 0) this.tooDeep--;
    else if (this.stack.length > 1) {
      this.settle(this.stack.length - 1);
      this.stack.pop();
      this.top = this.stack[this.stack.length - 1];
      if (this.marker.lost(this.stack)) return false;
    }
    return true;
  }

  private comment(): boolean {
    const found = this.out.candidates.length;
    const e = scanComment(this.text, this.i, this.to, this.spec, this.top, this.out);
    if (e < 0) return false;
    this.candidatesIn[this.stack.length - 1] += this.out.candidates.length - found;
    this.i = e;
    return true;
  }
}
