/**
 * Completion of model names: in a model context (a model key, a model-shaped
 * string) and in any string that already starts like a model name. Items
 * replace the whole name typed so far.
 */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hasBoxProviderPrefix, normalizeKey, STATUS_RANK, type ModelEntry, type Registry } from '../registry';
import { languageSpec } from '../languages';
import { candidateAt, fileFlavor, slotOf, type Container, type ScanResult } from '../scanner';
import { isModelKey, isNamePrefix, isVendorShaped, startsLikeModelName } from '../scanner/shape';
import { detailLine, renderCard, type Locale } from './modelCard';

export const TRIGGER_CHARACTERS = ['"', "'", '`', '_', '-', '.', ':', '=', ' '];

interface CompletionSite {
  /** What the user has typed of the name so far (from the start of the value to the cursor). */
  typed: string;
  /** Offsets of the text to replace: the whole name, including any part after the cursor. */
  start: number;
  end: number;
  slot: 'embeddings' | 'chat' | null;
  prefer: 'box' | 'vendor';
  /** The value is not quoted and the language needs quotes around strings. */
  quote: string;
}

const NAME_CHAR = /[A-Za-z0-9_.\-]/;
/** Languages where a bare value after `key:` / `key=` is a string. */
const BARE_VALUE_MODES = new Set(['yaml', 'keyvalue', 'markdown', 'prose']);

/** Where a completion would go, or null when the cursor is not where a model name belongs. */
export function completionSite(doc: TextDocument, offset: number, result: ScanResult): CompletionSite | null {
  const text = doc.getText();
  const cand = candidateAt(result, offset);
  const nameEnd = (from: number) => {
    let e = from;
    while (e < text.length && NAME_CHAR.test(text[e])) e++;
    return e;
  };
  const preferFor = (typed: string): 'box' | 'vendor' =>
    hasBoxProviderPrefix(typed) || /^(?:az|aw|go|ib|xa)/i.test(typed) ? 'box' : isVendorShaped(typed) || /^(?:gpt|o\d|claude|gemini|text-)/i.test(typed) ? 'vendor' : (fileFlavor(text) ?? 'box');

  if (cand && !cand.inComment) {
    const typed = text.slice(cand.value.start, offset);
    if (!isNamePrefix(typed) && !/^[\w.\- ]*$/.test(typed)) return null;
    const end = cand.value.open ? nameEnd(offset) : cand.value.end;
    const prefer = inVendorCall(cand.container) && !hasBoxProviderPrefix(typed) ? 'vendor' : preferFor(typed);
    return { typed, start: cand.value.start, end, slot: slotOf(cand), prefer, quote: '' };
  }

  // Not a candidate (yet): look at the line up to the cursor.
  const line = doc.positionAt(offset).line;
  const lineStart = doc.offsetAt({ line, character: 0 });
  const before = text.slice(lineStart, offset);
  // `model: ` / `BOX_AI_MODEL=` / `model="` with nothing or a partial name after it.
  const keyed = /(?:^|[\s,{(;])(?:export\s+)?["']?([A-Za-z_][\w.\-]*)["']?\s*(?::=|:|=)\s*(["'`]?)([A-Za-z0-9_.\-]*)$/.exec(before);
  if (keyed && isModelKey(keyed[1])) {
    const typed = keyed[3];
    const mode = languageSpec(doc.languageId).mode;
    const needsQuotes = !BARE_VALUE_MODES.has(mode) || doc.languageId === 'toml';
    const quote = keyed[2] === '' && needsQuotes ? '"' : '';
    return { typed, start: offset - typed.length, end: nameEnd(offset), slot: null, prefer: preferFor(typed), quote };
  }
  // Any string that already starts like a model name.
  const quoted = /["'`]([A-Za-z0-9_.\-]*)$/.exec(before);
  if (quoted && startsLikeModelName(quoted[1])) {
    const typed = quoted[1];
    return { typed, start: offset - typed.length, end: nameEnd(offset), slot: null, prefer: preferFor(typed), quote: '' };
  }
  return null;
}

/** A vendor SDK's call: `client.chat.completions.create(…)`, `client.responses.create(…)`, `messages.create(…)`. */
function inVendorCall(container: Container): boolean {
  for (let k: Container | null = container, depth = 0; k && depth < 3; k = k.parent, depth++) {
    if (k.callee && /(?:chat\.completions|responses|embeddings|messages|images|audio)\.(?:create|stream|parse)|generate_?content|ChatCompletion/i.test(k.callee)) return true;
  }
  return false;
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

function rank(e: ModelEntry, site: CompletionSite): string {
  const retired = e.status === 'retired' ? 1 : 0;
  const wantEmbeddings = site.slot === 'embeddings';
  const purpose = (e.purpose === 'embeddings') === wantEmbeddings ? 0 : 1;
  const namespace = e.namespace === site.prefer ? 0 : 1;
  return `${retired}${purpose}${namespace}${STATUS_RANK[e.status]}`;
}

/** An entry's detail and filter text depend on the entry only: computed once per registry, not per keystroke. */
const texts = new WeakMap<ModelEntry, { detail: string; filterText: string }>();
function textsOf(e: ModelEntry): { detail: string; filterText: string } {
  let t = texts.get(e);
  if (!t) texts.set(e, (t = { detail: detailLine(e), filterText: filterText(e) }));
  return t;
}

export function completionItems(site: CompletionSite, doc: TextDocument, registry: Registry): CompletionItem[] {
  const range = { start: doc.positionAt(site.start), end: doc.positionAt(site.end) };
  return registry.models.map((e) => {
    const { detail, filterText } = textsOf(e);
    const item: CompletionItem = {
      label: e.name,
      kind: e.purpose === 'embeddings' ? CompletionItemKind.Constant : CompletionItemKind.Value,
      detail,
      sortText: `${rank(e, site)}_${e.name}`,
      filterText,
      textEdit: { range, newText: `${site.quote}${e.name}${site.quote}` },
      insertTextFormat: InsertTextFormat.PlainText,
      data: { name: e.name },
    };
    if (e.status === 'retired' || e.status === 'deprecated') item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}

/** Fill in the documentation (the hover card) of an item the user is looking at. */
export function resolveCompletion(item: CompletionItem, registry: Registry, locale: Locale): CompletionItem {
  const data = item.data as { name?: unknown } | undefined;
  const name = typeof data?.name === 'string' ? data.name : item.label;
  const match = registry.get(name);
  if (match) item.documentation = { kind: 'markdown', value: renderCard(match.entry, registry, locale) };
  return item;
}
