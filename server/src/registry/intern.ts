/**
 * One copy of each short string the registry holds many times (providers, hosting layers, file paths, the
 * messages of card problems), and shared empty lists: the registry's size per model stays small at 10,000 models.
 */

/** Shorter strings are left as they are (see `intern`). */
const SHORT = 13;
/** Strings longer than this are not worth a table entry. */
const MAX_INTERNED_LENGTH = 256;
/** The table starts again when it holds this many strings (a registry holds far fewer distinct short strings). */
const MAX_INTERNED = 100_000;

let table = new Map<string, string>();

/**
 * The one copy of `s`. A new string is copied flat first, so that a value cut out of a whole card's text does not keep
 * that text alive.
 */
export function intern(s: string): string {
  // V8 copies strings this short when they are cut out of another, so they keep nothing alive, and cost little.
  if (s.length < SHORT || s.length > MAX_INTERNED_LENGTH) return s;
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size >= MAX_INTERNED) table = new Map();
  const flat = ` ${s}`.slice(1);
  table.set(flat, flat);
  return flat;
}

/** The same, for a value that may be missing. */
export const internOrNull = (s: string | null | undefined): string | null => (s === null || s === undefined ? null : intern(s));

const raws = new Map<string, Readonly<Record<string, string>>>();

/**
 * One shared object for a raw text stated in one language (`{ en: "128k tokens" }`): most such texts repeat across
 * models (limits, dates, providers). Frozen; objects with several languages are kept as they are.
 */
export function internRaw<T extends Partial<Record<string, string>>>(raw: T): T {
  const langs = Object.keys(raw);
  if (langs.length !== 1) return raw;
  const text = raw[langs[0]];
  if (text === undefined || text.length > MAX_INTERNED_LENGTH) return raw;
  const key = `${langs[0]}\u0000${text}`;
  let shared = raws.get(key);
  if (!shared) {
    if (raws.size >= MAX_INTERNED) raws.clear();
    shared = Object.freeze({ [langs[0]]: intern(text) });
    raws.set(key, shared);
  }
  return shared as T;
}

/** An array with no room to spare (arrays grown by pushes keep spare capacity). */
export const trimmed = <T>(list: T[]): T[] => (list.length ? list.slice() : (EMPTY as unknown as T[]));

/** The empty list every entry without items shares (frozen: the registry never adds to an entry's list in place). */
export const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** `list`, or the shared empty list when it has nothing. */
export const listOrEmpty = <T>(list: T[]): T[] => (list.length ? list : (EMPTY as unknown as T[]));
