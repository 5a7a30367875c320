/**
 * The short strings of one document, each distinct one made once, with what it is like as a value. A config file
 * writes the same keys and the same few names thousands of times: cutting each of them out again costs an
 * allocation (and later a collection), and asking the same questions of the same text again costs regular
 * expressions. A fixed number of slots keeps memory bounded; a slot taken by another text is simply replaced.
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

  /**
   * `text.slice(start, end)`, the same string as last time where the same characters were cut before. `hash` is
   * the characters' hash as the caller read them (each code unit c: h = h * 31 + c, 32 bits, from 0).
   */
  cut(text: string, start: number, end: number, hash: number): string {
    const length = end - start;
    if (length > LONGEST || length <= 0) {
      this.slot = -1;
      return (this.last = text.slice(start, end));
    }
    const h = hash ^ length;
    const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    this.slot = slot;
    const known = this.slots[slot];
    if (known !== undefined && known.length === length && text.startsWith(known, start)) return (this.last = known);
    const made = text.slice(start, end);
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
