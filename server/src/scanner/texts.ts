/**
 * The short strings of one document, each distinct one kept once, with what it is like as a value. A config file
 * writes the same keys and the same few names thousands of times: keeping each copy costs memory, and asking the
 * same questions of the same text again costs regular expressions. The table is emptied when full: memory stays
 * bounded whatever the document holds.
 */
import { keyFacts, textFacts } from './context';

const KEPT = 4096;
/** Longer texts are rare and seldom repeat: cut as they are. */
const LONGEST = 64;

export class DocumentTexts {
  /** Each text kept, and its number in the lists below. */
  private readonly known = new Map<string, number>();
  private readonly texts: string[] = [];
  /** `textFacts` and `keyFacts` of each text kept, -1 until asked. */
  private readonly facts: number[] = [];
  private readonly keyFacts: number[] = [];
  /** The number of the text cut last (-1 when it is not kept), and that text. */
  private slot = -1;
  private last = '';

  constructor(private readonly text: string) {}

  /**
   * `text.slice(start, end)`, the same string as before where the same characters were cut before. (Looking the
   * cut up in a map is faster than hashing and comparing the characters in script: V8 does both natively.)
   */
  cut(start: number, end: number): string {
    const made = this.text.slice(start, end);
    if (end - start > LONGEST) {
      this.slot = -1;
      return (this.last = made);
    }
    const slot = this.known.get(made);
    if (slot !== undefined) {
      this.slot = slot;
      return (this.last = this.texts[slot]);
    }
    if (this.texts.length >= KEPT) {
      this.known.clear();
      this.texts.length = this.facts.length = this.keyFacts.length = 0;
    }
    this.slot = this.texts.length;
    this.known.set(made, this.slot);
    this.texts.push(made);
    this.facts.push(-1);
    this.keyFacts.push(-1);
    return (this.last = made);
  }

  /** `textFacts` of the text cut last, worked out once per slot. */
  lastFacts(): number {
    if (this.slot < 0) return textFacts(this.last);
    const known = this.facts[this.slot];
    return known >= 0 ? known : (this.facts[this.slot] = textFacts(this.last));
  }

  /** `keyFacts` of the text cut last, worked out once per slot. */
  lastKeyFacts(): number {
    if (this.slot < 0) return keyFacts(this.last);
    const known = this.keyFacts[this.slot];
    return known >= 0 ? known : (this.keyFacts[this.slot] = keyFacts(this.last));
  }
}

/**
 * Where the next of some characters is, asked at offsets that only grow: each search starts past the last one's
 * answer, so all the searches together read the text once. `until` finds the next backslash or line break (where
 * a plain string cannot run on), `clear` tells whether a stretch holds none of `/`, `:` and `@` (one of which a
 * wrapped model name, `anthropic/claude-…`, needs).
 */
export class Ahead {
  private backslash = -1;
  private lineFeed = -1;
  private carriageReturn = -1;
  private slash = -1;
  private colon = -1;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  /** The first offset at or after `from` of a backslash or a line break (or the end of the scan). */
  until(from: number): number {
    if (this.backslash < from) this.backslash = this.find('\\', from);
    if (this.lineFeed < from) this.lineFeed = this.find('\n', from);
    if (this.carriageReturn < from) this.carriageReturn = this.find('\r', from);
    return Math.min(this.backslash, this.lineFeed, this.carriageReturn);
  }

  /** Does `[from, to)` hold none of `/`, `:` and `@`? */
  clear(from: number, to: number): boolean {
    if (this.slash < from) this.slash = this.find('/', from);
    if (this.colon < from) this.colon = this.find(':', from);
    if (this.at < from) this.at = this.find('@', from);
    return this.slash >= to && this.colon >= to && this.at >= to;
  }

  private find(c: string, from: number): number {
    const k = this.text.indexOf(c, from);
    return k < 0 ? this.to : k;
  }
}
