/**
 * Completion of model names: in a model context (a model key, a model-shaped
 * string) and in any string that already starts like a model name. The
 * server filters by what is typed (`4o mini` finds `azure__openai__gpt_4o_mini`)
 * and ranks, and answers at most MAX_ITEMS items (marked incomplete when
 * there are more). Items replace the whole name typed so far.
 */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { languageSpec } from '../languages';
import { hasBoxProviderPrefix, idReadings, normalizeKey, STATUS_RANK, type ModelEntry, type Registry } from '../registry';
import { candidateAt, fileFlavor, slotOf, type Container, type ScanResult } from '../scanner';
import { isModelKey, isNamePrefix, isVendorShaped, startsLikeModelName } from '../scanner/shape';
import { detailLine, renderCard, type Locale } from './modelCard';
import { sdkProvider, vendorOfCallee } from './sdkProviders';
import { Smallest } from '../util/smallest';

export const TRIGGER_CHARACTERS = ['"', "'", '`', '_', '-', '.', ':', '=', ' ', '/'];

/** At most this many items per answer: the list is filtered again on the server as the user types. */
const MAX_ITEMS = 100;

interface CompletionSite {
  /** What the user has typed of the name so far (from the start of the value to the cursor). */
  typed: string;
  /** Offsets of the text to replace: the whole name, including any part after the cursor. */
  start: number;
  end: number;
  slot: 'embeddings' | 'chat' | null;
  prefer: 'box' | 'vendor';
  /** The namespace preference is certain (a Box agent config, a vendor SDK call, a typed provider prefix). */
  strong: boolean;
  /** The vendor whose ids come first (an Anthropic client: `claude-*`), when known. */
  vendor: string | null;
  /** The value is not quoted and the language needs quotes around strings. */
  quote: string;
}

const NAME_CHAR = /[A-Za-z0-9_.\-:@/]/;
/** Languages where a bare value after `key:` / `key=` is a string. */
const BARE_VALUE_MODES = new Set(['shell', 'yaml', 'keyvalue', 'markdown', 'prose']);

/** Where a completion would go, or null when the cursor is not where a model name belongs. */
export function completionSite(doc: TextDocument, offset: number, result: ScanResult): CompletionSite | null {
  const text = doc.getText();
  const cand = candidateAt(result, offset);
  const nameEnd = (from: number) => {
    let e = from;
    const limit = Math.min(text.length, from + 256);
    while (e < limit && NAME_CHAR.test(text[e])) e++;
    return e;
  };
  const flavor = () => fileFlavor(text);
  const byTyped = (typed: string): 'box' | 'vendor' | null =>
    hasBoxProviderPrefix(typed) || /^(?:az|aw|go|ib|xa)/i.test(typed) ? 'box' : isVendorShaped(typed) || /^(?:gpt|o\d|claude|gemini|text-)/i.test(typed) ? 'vendor' : null;
  const site = (typed: string, start: number, end: number, slot: CompletionSite['slot'], call: string | null, quote: string): CompletionSite => {
    const typedPref = byTyped(typed);
    const callVendor = call ? vendorOfCallee(call) : null;
    const fileVendor = sdkProvider(text);
    const prefer = typedPref ?? (callVendor ? 'vendor' : flavor() ?? 'box');
    const strong = typedPref !== null || callVendor !== null || flavor() !== null;
    return { typed, start, end, slot, prefer, strong, vendor: callVendor ?? fileVendor, quote };
  };

  if (cand && cand.where !== 'comment') {
    const typed = text.slice(cand.value.start, offset);
    if (!isNamePrefix(typed) && !/^[\w.\- ]*$/.test(typed)) return null;
    const end = cand.value.open ? nameEnd(offset) : cand.value.end;
    return site(typed, cand.value.start, end, slotOf(cand), calleeOf(cand.container), '');
  }

  // Not a candidate (yet): look at the line up to the cursor.
  const line = doc.positionAt(offset).line;
  const lineStart = doc.offsetAt({ line, character: 0 });
  // The end of the line before the cursor is enough to see `key: ` and a partial name (and keeps the patterns below cheap).
  const before = text.slice(Math.max(lineStart, offset - 256), offset);
  // `model: ` / `BOX_AI_MODEL=` / `model="` with nothing or a partial name after it.
  const keyed = /(?:^|[\s,{(;])(?:export\s+)?["']?([A-Za-z_][\w.\-]*)["']?\s*(?::=|:|=)\s*(["'`]?)([A-Za-z0-9_.\-:@/]*)$/.exec(before);
  if (keyed && isModelKey(keyed[1])) {
    const typed = keyed[3];
    const mode = languageSpec(doc.languageId).mode;
    const needsQuotes = !BARE_VALUE_MODES.has(mode) || doc.languageId === 'toml';
    const quote = keyed[2] === '' && needsQuotes ? '"' : '';
    return site(typed, offset - typed.length, nameEnd(offset), null, null, quote);
  }
  // Any string that already starts like a model name.
  const quoted = /["'`]([A-Za-z0-9_.\-:@/]*)$/.exec(before);
  if (quoted && startsLikeModelName(quoted[1])) {
    const typed = quoted[1];
    return site(typed, offset - typed.length, nameEnd(offset), null, null, '');
  }
  return null;
}

/** The callee of the call the value sits in, or of one around it (`create({ model })`). */
function calleeOf(container: Container): string | null {
  for (let k: Container | null = container, depth = 0; k && depth < 3; k = k.parent, depth++) if (k.callee) return k.callee;
  return null;
}

/** Extra words a user may type to find a name: `4o mini`, `gpt4o`, the display name, the vendor id. */
function filterText(e: ModelEntry): string {
  const modelPart = e.name.replace(/^[a-z]+__(?:openai__)?/, '');
  const spaced = normalizeKey(modelPart).replace(/_/g, ' ');
  const compact = spaced.replace(/ /g, '');
  // A Box name is found by its vendor id too (`gpt-4o-mini`); not the other way round, or typing a Box
  // prefix would list vendor ids.
  return [e.name, spaced, compact, e.displayName ?? '', ...(e.namespace === 'box' ? e.links : []), ...e.aliases].join(' ');
}

/** What an entry is matched with: computed once per entry, not per keystroke (what it is shown with, only for the items answered). */
interface EntryTexts {
  /** The filter text folded: lower case, every run of separators one space. */
  words: string;
  /** The same without spaces. */
  compact: string;
  /** An id in another platform's form (Bedrock, Vertex, a gateway's `vendor/model`): after the maker's own ids. */
  platform: boolean;
}

/** An entry's texts (made once per registry, by its index). */
function textsOf(e: ModelEntry): EntryTexts {
  const words = fold(filterText(e));
  const platform = e.namespace === 'vendor' && (e.name.includes('/') || idReadings(e.name).some((r) => r.platform !== null));
  return { words: ` ${words} `, compact: words.replace(/ /g, ''), platform };
}

const fold = (s: string) => s.toLowerCase().replace(/[\s_.\-:@/]+/g, ' ').trim();

/** Does an entry match what was typed: every typed word in its words, or the typed text in its compact form. */
function matches(t: EntryTexts, typedWords: readonly string[], typedCompact: string): boolean {
  if (!typedCompact) return true;
  if (t.compact.includes(typedCompact)) return true;
  return typedWords.every((w) => t.words.includes(w));
}

/** The sort key: namespace when certain, retired last, purpose, namespace, vendor, makers' ids before hosts', status, name. */
function rank(e: ModelEntry, t: EntryTexts, site: CompletionSite): number {
  const namespace = e.namespace === site.prefer ? 0 : 1;
  const retired = e.status === 'retired' ? 1 : 0;
  const purpose = (e.purpose === 'embeddings') === (site.slot === 'embeddings') ? 0 : 1;
  const vendor = site.vendor && e.namespace === 'vendor' ? (e.provider === site.vendor ? 0 : 1) : 0;
  const host = e.namespace === 'vendor' && (e.provider === null || t.platform) ? 1 : 0;
  // One decimal digit each, so that the number written out with seven digits is the sort text's prefix.
  return ((((((site.strong ? namespace : 0) * 10 + retired) * 10 + purpose) * 10 + namespace) * 10 + vendor) * 10 + host) * 10 + STATUS_RANK[e.status];
}

/** The sort text of an item: its rank's seven digits, then its name. */
const sortText = (rank: number, name: string): string => `${String(rank).padStart(7, '0')}_${name}`;

/**
 * The registry's entries with their texts in parallel arrays, and for each a mask of the letters and digits in its
 * words: an entry whose mask lacks one of the typed characters cannot match, and is passed over with two integer tests.
 */
interface CompletionIndex {
  entries: readonly ModelEntry[];
  texts: EntryTexts[];
  masks: Uint32Array;
  /** Each entry's place in name order (ties of rank are broken by name), and the entry at each place. */
  nameOrder: Uint32Array;
  byName: Uint32Array;
}

const indexes = new WeakMap<Registry, CompletionIndex>();
function indexOf(registry: Registry): CompletionIndex {
  let index = indexes.get(registry);
  if (!index) {
    const entries = registry.models;
    const texts = entries.map(textsOf);
    const masks = new Uint32Array(entries.length * 2);
    texts.forEach((t, i) => charMask(t.compact, masks, i * 2));
    const byName = Uint32Array.from(entries.keys()).sort((a, b) => (entries[a].name < entries[b].name ? -1 : entries[a].name > entries[b].name ? 1 : 0));
    const nameOrder = new Uint32Array(entries.length);
    byName.forEach((entry, place) => (nameOrder[entry] = place));
    indexes.set(registry, (index = { entries, texts, masks, nameOrder, byName }));
  }
  return index;
}

/** Set bits for the characters of `s`: a–z in the first word, 0–9 and the rest (folded to one bit) in the second. */
function charMask(s: string, out: Uint32Array, at: number): void {
  let low = 0;
  let high = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) low |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) high |= 1 << (c - 48);
    else high |= 1 << 10;
  }
  out[at] = low;
  out[at + 1] = high;
}

/** How the items' edits are sent: each with its range, or (when the client takes it) one range for the list. */
export interface CompletionOptions {
  editRangeDefault: boolean;
  /** The language of each item's one-line summary (English unless given). */
  locale?: Locale;
}

export function completionItems(site: CompletionSite, doc: TextDocument, registry: Registry, options: CompletionOptions = { editRangeDefault: false }): CompletionList {
  const typedWords = fold(site.typed).split(' ').filter(Boolean);
  const typedCompact = typedWords.join('');
  const typedMask = new Uint32Array(2);
  charMask(typedCompact, typedMask, 0);
  const [low, high] = typedMask;
  const { entries, texts, masks, nameOrder, byName } = indexOf(registry);
  // Each match as one number, rank then place in name order (no two alike), so that the best are the smallest.
  const keys = new Smallest(MAX_ITEMS);
  for (let i = 0; i < entries.length; i++) {
    // Both ways of matching need every typed character somewhere in the entry's words.
    if ((masks[i * 2] & low) !== low || (masks[i * 2 + 1] & high) !== high) continue;
    if (matches(texts[i], typedWords, typedCompact)) keys.add(rank(entries[i], texts[i], site) * entries.length + nameOrder[i]);
  }
  const best = keys.sorted();
  const found = Array.from(best, (key) => {
    const i = byName[key % entries.length];
    return { e: entries[i], sort: sortText(Math.floor(key / entries.length), entries[i].name) };
  });
  const range = { start: doc.positionAt(site.start), end: doc.positionAt(site.end) };
  const items = found.map(({ e, sort }): CompletionItem => {
    const newText = `${site.quote}${e.name}${site.quote}`;
    const item: CompletionItem = {
      label: e.name,
      kind: e.purpose === 'embeddings' ? CompletionItemKind.Constant : CompletionItemKind.Value,
      detail: detailLine(e, options.locale),
      sortText: sort,
      filterText: filterText(e),
      data: { name: e.name },
    };
    if (options.editRangeDefault) item.textEditText = newText;
    else Object.assign(item, { textEdit: { range, newText }, insertTextFormat: InsertTextFormat.PlainText });
    if (e.status === 'retired' || e.status === 'deprecated') item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
  const isIncomplete = keys.seen > MAX_ITEMS;
  // The range once for the whole list, where the client takes it (LSP 3.17 `itemDefaults`): smaller answers.
  return options.editRangeDefault ? { isIncomplete, itemDefaults: { editRange: range }, items } : { isIncomplete, items };
}

/** Fill in the documentation (the hover card) of an item the user is looking at. */
export function resolveCompletion(item: CompletionItem, registry: Registry, locale: Locale): CompletionItem {
  const data = item.data as { name?: unknown } | undefined;
  const name = typeof data?.name === 'string' ? data.name : item.label;
  if (typeof name !== 'string') return item;
  const match = registry.get(name);
  if (match) item.documentation = { kind: 'markdown', value: renderCard(match.entry, registry, locale) };
  return item;
}
