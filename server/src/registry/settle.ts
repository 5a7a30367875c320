/**
 * Settling one model: what every card, catalogue page, index tile and bulk
 * catalogue says about it, folded into one entry.
 *
 * Ranks: any card or catalogue page outranks any bulk catalogue; within
 * each, a later layer outranks an earlier one, and a maker's own catalogue
 * outranks a host's. For each fact the highest rank that states a value
 * wins, except that an exact figure beats a rounded one it agrees with (a
 * card's "16k" and a catalogue's 16,384 are the same limit). Cards of the
 * same rank that disagree are all kept and reported as `card-conflict`.
 */
import { tokenUpperBound } from './normalize';
import { cardProblem, EMPTY, intern, internOrNull, internRaw, listOrEmpty, rawIn, said, sourceRef, trimmed } from './intern';
import type {
  CardDiagnostic,
  CatalogEntry,
  Conflict,
  Fact,
  FactKey,
  FactRecord,
  FactTypes,
  Lang,
  ModelEntry,
  Namespace,
  ParsedBulkCatalog,
  ParsedCard,
  ParsedCatalogue,
  Purpose,
  SourceRef,
  Status,
  Tile,
} from './types';

interface Contribution<K extends FactKey = FactKey> {
  rank: number;
  lang: Lang;
  fact: Fact<FactTypes[K]>;
  file: string;
  /** Set for facts from a bulk catalogue: its label. */
  origin: string | null;
  /** For facts from a bulk catalogue: the context window the same catalogue entry gives. */
  entryContext?: number | null;
}

export interface Draft {
  namespace: Namespace;
  name: string;
  cards: Array<{ card: ParsedCard; layer: number }>;
  catalogues: Array<{ page: ParsedCatalogue; layer: number }>;
  tiles: Array<{ tile: Tile; file: string; layer: number }>;
  bulk: Array<{ entry: CatalogEntry; doc: ParsedBulkCatalog; rank: number }>;
  aliases: Set<string>;
  contributions: Map<FactKey, Contribution[]>;
}

/** The description of an entry no card describes (shared, never changed). */
const NO_DESCRIPTION: Partial<Record<Lang, string>> = Object.freeze({});

const at = sourceRef;

/** Two values of one fact agree? Dates of different precision agree when one is a prefix of the other. */
function agree(key: FactKey, a: unknown, b: unknown): boolean {
  if (a === null || b === null) return true;
  if (typeof a === 'string' && typeof b === 'string') {
    if (key === 'releaseDate' || key === 'knowledgeCutoff') return a.startsWith(b) || b.startsWith(a);
    return a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();
  }
  return a === b;
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'not given' : String(v);
}

const isTokenFact = (key: FactKey): key is 'contextWindow' | 'maxOutputTokens' => key === 'contextWindow' || key === 'maxOutputTokens';

/** One fact: the winner among the contributions, its record, and the conflicts among cards of the winning rank. */
function settleFact(name: string, key: FactKey, list: readonly Contribution[], conflicts: Conflict[], diagnostics: CardDiagnostic[]): FactRecord<unknown> {
  // One source (most models, and every model of a folder of cards): it wins, nothing disagrees with it, and nothing
  // more precise replaces it. Bulk facts are never added without a value, so the one source always has one or is a card.
  if (list.length === 1) {
    const only = list[0];
    const value = only.fact.value as unknown;
    const exact = !isTokenFact(key) || typeof value !== 'number' || tokenUpperBound(only.fact.raw, value) === value;
    return { value, raw: rawIn(only.lang, only.fact.raw), source: at(only.file, only.fact.at), exact, origin: only.origin };
  }
  const stated = list.filter((c) => c.origin === null);
  const pool = stated.some((c) => c.fact.value !== null) || !list.some((c) => c.origin !== null && c.fact.value !== null) ? stated : list.filter((c) => c.fact.value !== null);
  // A loop, not `Math.max(...ranks)`: a spread of 120,000 arguments overflows the stack (one name in that many entries).
  let top = -Infinity;
  for (const c of pool) if (c.rank > top) top = c.rank;
  const current = pool.filter((c) => c.rank === top);
  let winner = current.find((c) => c.fact.value !== null) ?? current[0];
  const raw: Partial<Record<Lang, string>> = {};
  for (const c of current) if (raw[c.lang] === undefined && (c.fact.value !== null || c === winner)) raw[c.lang] = c.fact.raw;
  if (winner.origin === null) {
    const disagreeing = current.filter((c) => c.origin === null && !agree(key, winner.fact.value, c.fact.value));
    if (disagreeing.length > 0) {
      conflicts.push({ field: key, values: [winner, ...disagreeing].map((c) => ({ value: show(c.fact.value), raw: c.fact.raw, source: at(c.file, c.fact.at) })) });
      for (const c of disagreeing) {
        diagnostics.push(
          cardProblem(c.file, c.fact.at, 'warning', 'card-conflict', said('fact-conflict', key, name, c.fact.raw, winner.file, winner.fact.at.line + 1, winner.fact.raw), []),
        );
      }
    }
  }
  let value = winner.fact.value as unknown;
  let exact = true;
  if (isTokenFact(key) && typeof value === 'number') {
    const upper = tokenUpperBound(winner.fact.raw, value);
    exact = upper === value;
    // A rounded figure ("16k") gives way to an exact one it can mean (16,384), from any source.
    const precise = exact ? undefined : list.find((c) => typeof c.fact.value === 'number' && c.fact.value >= (value as number) && c.fact.value <= upper && tokenUpperBound(c.fact.raw, c.fact.value) === c.fact.value);
    if (precise) {
      winner = precise;
      value = precise.fact.value;
      exact = true;
      raw[precise.lang] = precise.fact.raw;
    }
  }
  // More precise dates win over less precise ones that agree with them.
  if ((key === 'releaseDate' || key === 'knowledgeCutoff') && typeof value === 'string') {
    for (const c of current) if (typeof c.fact.value === 'string' && c.fact.value.length > (value as string).length && agree(key, c.fact.value, value)) value = c.fact.value;
  }
  return { value, raw: internRaw(raw), source: at(winner.file, winner.fact.at), exact, origin: winner.origin };
}

/** The largest value a token figure can mean: itself when exact, else the upper bound of its rounding. */
function tokenBound(fact: FactRecord<number> | undefined): number | null {
  if (!fact || fact.value === null) return null;
  if (fact.exact) return fact.value;
  const raw = fact.raw.en ?? fact.raw.ja ?? String(fact.value);
  return tokenUpperBound(raw, fact.value);
}

/**
 * A catalogue entry whose context window contradicts a card's (beyond the card's rounding) describes another
 * deployment or an old version of the model: none of its token figures are used.
 */
function contradicts(dr: Draft): (c: Contribution) => boolean {
  const stated = (dr.contributions.get('contextWindow') ?? []).find((c) => c.origin === null && typeof c.fact.value === 'number');
  if (!stated) return () => false;
  const nominal = stated.fact.value as number;
  const upper = tokenUpperBound(stated.fact.raw, nominal);
  return (c) => c.origin !== null && typeof c.entryContext === 'number' && (c.entryContext < nominal || c.entryContext > upper);
}

export function settle(dr: Draft, diagnostics: CardDiagnostic[]): ModelEntry {
  const facts: ModelEntry['facts'] = {};
  const conflicts: Conflict[] = [];
  const unreliable = contradicts(dr);
  for (const [key, all] of dr.contributions) {
    const list = isTokenFact(key) && all.some(unreliable) ? all.filter((c) => !unreliable(c)) : all;
    if (list.length) (facts as Record<string, FactRecord<unknown>>)[key] = settleFact(dr.name, key, list, conflicts, diagnostics);
  }

  // Front matter and tiles: the highest layer that says something wins.
  const cards = dr.cards.length > 1 ? [...dr.cards].sort((a, b) => b.layer - a.layer) : dr.cards;
  const tiles = dr.tiles.length > 1 ? [...dr.tiles].sort((a, b) => b.layer - a.layer) : dr.tiles;
  const bulk = dr.bulk.length > 1 ? [...dr.bulk].sort((a, b) => b.rank - a.rank) : dr.bulk;
  const meta = <K extends keyof ParsedCard['meta']>(k: K): ParsedCard['meta'][K] | undefined => cards.find((c) => c.card.meta[k] !== undefined)?.card.meta[k];
  const tileSays = <T>(pick: (t: Tile) => T | null): T | null => {
    for (const t of tiles) {
      const v = pick(t.tile);
      if (v !== null) return v;
    }
    return null;
  };
  const bulkSays = <T>(pick: (e: CatalogEntry) => T | null): T | null => {
    for (const b of bulk) {
      const v = pick(b.entry);
      if (v !== null) return v;
    }
    return null;
  };

  const tileCategory = tileSays((t) => t.category);
  const cardCategory = facts.category?.value ?? null;
  if (tileCategory && cardCategory && tileCategory !== cardCategory && facts.category) {
    const tile = tiles.find((t) => t.tile.category === tileCategory)!;
    const where = facts.category.source;
    diagnostics.push(cardProblem(where.file, where, 'warning', 'card-tile-mismatch', said('tile-category', dr.name, cardCategory, tile.file, tile.tile.at.line + 1, tileCategory), []));
    conflicts.push({
      field: 'category',
      values: [
        { value: cardCategory, raw: facts.category.raw.en ?? facts.category.raw.ja ?? cardCategory, source: facts.category.source },
        { value: tileCategory, raw: tileCategory, source: at(tile.file, tile.tile.at) },
      ],
    });
  }

  const shutdown = bulkSays((e) => e.shutdownDate);
  const retiredDate = meta('retired') ?? (cards.length || tiles.length ? null : shutdown);
  const statedStatus: Status | null = meta('status') ?? tileSays((t) => t.status) ?? (meta('retired') ? 'retired' : null);
  const bulkStatus = cards.length || tiles.length ? null : bulkSays((e) => e.status);
  const status: Status = statedStatus ?? bulkStatus ?? 'available';
  const name = dr.name;
  const purpose: Purpose = meta('purpose') ?? tileSays((t) => t.purpose) ?? bulkSays((e) => e.purpose) ?? (/embed/i.test(name) ? 'embeddings' : 'chat');
  const description: Partial<Record<Lang, string>> = {};
  for (const c of cards) if (c.card.description && description[c.card.lang] === undefined) description[c.card.lang] = c.card.description;

  const sources: SourceRef[] = [];
  for (const c of cards) {
    const nameFact = c.card.facts.name;
    if (nameFact) sources.push(at(c.card.file, nameFact.at));
  }
  const catalogues = dr.catalogues.length > 1 ? [...dr.catalogues].sort((a, b) => b.layer - a.layer) : dr.catalogues;
  for (const c of catalogues) sources.push(at(c.page.file, c.page.idAt));
  for (const t of tiles) sources.push(at(t.file, t.tile.at));
  for (const b of bulk) if (!b.doc.file.startsWith('builtin:')) sources.push(at(b.doc.file, b.entry.at));

  const catalogue = catalogues[0]?.page;
  const listMeta = (k: 'languages' | 'inputTypes' | 'outputTypes', fromCatalogue: string[] | undefined): string[] =>
    meta(k) ?? (fromCatalogue && fromCatalogue.length ? fromCatalogue : []);

  return {
    // Left as the two strings it joins (a string of its own per model would cost more; only JSON output reads it).
    id: `${dr.namespace}:${name}`,
    namespace: dr.namespace,
    name,
    displayName: facts.displayName?.value ?? null,
    description: Object.keys(description).length ? description : NO_DESCRIPTION,
    provider: internOrNull(facts.provider?.value),
    hosting: internOrNull(facts.hosting?.value),
    category: meta('category') ?? tileCategory ?? cardCategory,
    status,
    lifecycleKnown: statedStatus !== null || cards.length > 0 || bulkStatus !== null,
    successor: meta('successor') ?? null,
    purpose,
    contextWindow: facts.contextWindow?.value ?? null,
    maxOutputTokens: facts.maxOutputTokens?.value ?? null,
    maxOutputBound: tokenBound(facts.maxOutputTokens),
    releaseDate: facts.releaseDate?.value ?? null,
    knowledgeCutoff: facts.knowledgeCutoff?.value ?? null,
    throughput: facts.throughput?.value ?? null,
    openSource: facts.openSource?.value ?? null,
    languages: listOrEmpty(listMeta('languages', catalogue?.languages)),
    aliases: listOrEmpty([...dr.aliases].filter((a) => a !== name).sort()),
    links: listOrEmpty([...(meta('links') ?? [])]),
    sources: trimmed(sources),
    catalogs: listOrEmpty([...new Set(bulk.map((b) => intern(b.doc.label)))]),
    facts,
    conflicts: listOrEmpty(conflicts),
    customerEnabled: meta('customerEnabled') ?? tileSays((t) => (t.customerEnabled ? true : null)) ?? false,
    defaultFor: meta('defaultFor') ?? tileSays((t) => (t.defaultFor.length ? t.defaultFor : null)) ?? EMPTY,
    deprecatedDate: meta('deprecated') ?? null,
    retiredDate,
    retiredReason: meta('retiredReason') ?? null,
    docsUrl: cards.find((c) => c.card.docsUrl)?.card.docsUrl ?? null,
    version: meta('version') ?? catalogue?.version ?? null,
    inputTypes: listOrEmpty(listMeta('inputTypes', catalogue?.inputTypes)),
    outputTypes: listOrEmpty(listMeta('outputTypes', catalogue?.outputTypes)),
    benchmarks: catalogue?.benchmarks ?? listOrEmpty([]),
    capabilities: catalogue?.capabilities ?? EMPTY,
  };
}

/** Add what a bulk catalogue says about a model to its draft. */
export function addBulkEntry(dr: Draft, doc: ParsedBulkCatalog, entry: CatalogEntry, rank: number): void {
  dr.bulk.push({ entry, doc, rank });
  const add = <K extends FactKey>(key: K, value: FactTypes[K] | null) => {
    if (value === null) return;
    const list = dr.contributions.get(key) ?? [];
    list.push({ rank, lang: 'en', fact: { value, raw: String(value), at: entry.at } as Fact<FactTypes[K]> as Fact<never>, file: doc.file, origin: doc.label, entryContext: entry.contextWindow });
    dr.contributions.set(key, list);
  };
  add('displayName', entry.displayName);
  add('provider', entry.provider);
  add('hosting', entry.hosting);
  add('contextWindow', entry.contextWindow);
  add('maxOutputTokens', entry.maxOutputTokens);
  add('releaseDate', entry.releaseDate);
  add('knowledgeCutoff', entry.knowledgeCutoff);
}
