/**
 * The short strings of one document, each distinct one kept once, with what it is like as a value. A config file
 * writes the same keys and the same few names thousands of times: keeping each copy costs memory, and asking the
 * same questions of the same text again costs regular expressions. A fixed number of slots keeps memory bounded;
 * a slot taken by another text is simply replaced.
 */
import { keyFacts, textFacts } from './context';

const SLOTS = 4096;
/** Longer texts are rare and seldom repeat: cut as they are. */
const LONGEST = 64;

export class DocumentTexts {
  private readonly slots: Array<string | undefined> = new Array<string | undefined>(SLOTS);
  /** `textFacts` and `keyFacts` of each slot's text, -1 until asked. */
  private readonly facts = new Int32Array(SLOTS);
  private readonly keyFacts = new Int32Array(SLOTS);
  /** The slot of the text cut last (-1 when it has none), and that text. */
  private slot = -1;
  private last = '';

  constructor(private readonly text: string) {}

  /**
   * `text.slice(start, end)`, the same string as before where the same characters were cut before. The slot comes
   * from a hash of the length and the first and last four characters; the cut is then compared with the slot's
   * text as a whole, which V8 does natively (faster than hashing all of it, or than comparing it in script).
   */
  cut(start: number, end: number): string {
    const { text } = this;
    const made = text.slice(start, end);
    const length = end - start;
    if (length > LONGEST) {
      this.slot = -1;
      return (this.last = made);
    }
    let h = length;
    const head = Math.min(end, start + 4);
    for (let k = start; k < head; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    for (let k = Math.max(head, end - 4); k < end; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    const slot = (h ^ (h >>> 13)) & (SLOTS - 1);
    this.slot = slot;
    const known = this.slots[slot];
    if (known === made) return (this.last = known);
    this.slots[slot] = made;
    this.facts[slot] = -1;
    this.keyFacts[slot] = -1;
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
