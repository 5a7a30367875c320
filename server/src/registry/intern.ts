import { cardText, type CardText, type CardTextKey } from '../messages/cards';
import type { CardDiagnostic, SourceRef, Span } from './types';

/**
 * One copy of each short string the registry holds many times (providers, hosting layers, file paths, the
 * messages of card problems), and shared empty lists: the registry's size per model stays small at 10,000 models.
 */

/** V8 copies strings this short when they are cut out of another (longer ones are views of it, see `intern`). */
const SHORT = 13;
/** Strings longer than this are not worth a table entry. */
const MAX_INTERNED_LENGTH = 256;
/** The table starts again when it holds this many strings (a registry holds far fewer distinct short strings). */
const MAX_INTERNED = 100_000;

let table = new Map<string, string>();

/**
 * The one copy of `s`. A longer string seen for the first time is copied, so that a value cut out of a whole card's
 * text (a view of that text) does not keep the text alive.
 */
export function intern(s: string): string {
  if (s.length > MAX_INTERNED_LENGTH) return s;
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size >= MAX_INTERNED) table = new Map();
  const own = s.length < SHORT ? s : copyOf(s);
  table.set(own, own);
  return own;
}

/**
 * A string of its own with the text of `s`: joined to a space, the text is copied into a new flat string, and the
 * slice of that string holds only the copy (a third of the cost of a round trip through JSON).
 */
export function copyOf(s: string): string {
  return ` ${s}`.slice(1);
}

/** The same, for a value that may be missing. */
export const internOrNull = (s: string | null | undefined): string | null => (s === null || s === undefined ? null : intern(s));

/** Per language, per text, the shared object (keyed by the interned text itself: no key strings of its own). */
const raws = new Map<string, Map<string, Readonly<Record<string, string>>>>();
let rawCount = 0;

/**
 * One shared object for a raw text stated in one language (`{ en: "128k tokens" }`): most such texts repeat across
 * models (limits, dates, providers). Frozen; objects with several languages are kept as they are.
 */
export function internRaw<T extends Partial<Record<string, string>>>(raw: T): T {
  const langs = Object.keys(raw);
  if (langs.length !== 1) return raw;
  const text = raw[langs[0]];
  return text === undefined || text.length > MAX_INTERNED_LENGTH ? raw : (rawIn(langs[0], text) as T);
}

/** The shared object of {@link internRaw} for one text in one language, made without a first object of its own. */
export function rawIn(lang: string, text: string): Readonly<Record<string, string>> {
  if (text.length > MAX_INTERNED_LENGTH) return { [lang]: text };
  if (rawCount >= MAX_INTERNED) {
    raws.clear();
    rawCount = 0;
  }
  let byText = raws.get(lang);
  if (!byText) raws.set(lang, (byText = new Map()));
  const own = intern(text);
  let shared = byText.get(own);
  if (!shared) {
    shared = Object.freeze({ [lang]: own });
    byText.set(own, shared);
    rawCount++;
  }
  return shared;
}

/**
 * A span with its file, all in one object's own fields (`{ file, ...span }` would put the span's fields in a second,
 * out-of-object store: twice the memory for the tens of thousands a registry holds).
 */
export function sourceRef(file: string, span: Span | SourceRef): SourceRef {
  // A card's spans carry their file already (see `boxCard`): the same object serves.
  if ('file' in span && span.file === file) return span;
  return { file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/**
 * A card problem, built the same way: its fields in the object itself (a field added afterwards would need a second
 * store), and its facts (`{ key, args }`) one shared object per distinct set: ten thousand cards that each lack the
 * same row say the same thing.
 */
export function cardProblem(file: string, span: Span, severity: CardDiagnostic['severity'], code: CardDiagnostic['code'], message: string | CardText, suggestions: string[]): CardDiagnostic {
  const { line, column, endLine, endColumn } = span;
  if (typeof message === 'string') return { file, line, column, endLine, endColumn, severity, code, message: intern(message), suggestions: listOrEmpty(suggestions) };
  return { file, line, column, endLine, endColumn, severity, code, message: intern(cardText(message)), suggestions: listOrEmpty(suggestions), text: sharedText(message) };
}

let texts = new Map<string, CardText>();

function sharedText(text: CardText): CardText {
  const key = `${text.key}\u0000${text.args.join('\u0000')}`;
  if (key.length > MAX_INTERNED_LENGTH) return text;
  const known = texts.get(key);
  if (known) return known;
  if (texts.size >= MAX_INTERNED) texts = new Map();
  const own: CardText = Object.freeze({ key: text.key, args: Object.freeze(text.args.map((a) => (typeof a === "string" ? intern(a) : a))) });
  texts.set(key, own);
  return own;
}

/** A card problem's facts (see `messages/cards`). */
export const said = (key: CardTextKey, ...args: Array<string | number>): CardText => ({ key, args });

/** An array with no room to spare (arrays grown by pushes keep spare capacity). */
export const trimmed = <T>(list: T[]): T[] => (list.length ? list.slice() : (EMPTY as unknown as T[]));

/** The empty list every entry without items shares (frozen: the registry never adds to an entry's list in place). */
export const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** `list`, or the shared empty list when it has nothing. */
export const listOrEmpty = <T>(list: T[]): T[] => (list.length ? list : (EMPTY as unknown as T[]));
