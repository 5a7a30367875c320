/**
 * The merged registry: every card, index tile, catalogue page and bulk
 * catalogue folded into one entry per model name, in two namespaces (`box`,
 * `vendor`), with links between entries that describe the same model.
 *
 * Layers: later layers (users' card folders and catalogues) override earlier
 * ones (our built-in data); any card outranks any bulk catalogue (see
 * settle.ts). Within one layer, cards that disagree are all kept and
 * reported as `card-conflict`.
 */
import { isFirstParty } from './bulk/makers';
import { canonicalBoxSpelling, hasBoxProviderPrefix, normalizeKey } from './boxNames';
import { checkVersionOrder, linkModels } from './links';
import { buildLookups } from './lookup';
import { addBulkEntry, settle, type Draft } from './settle';
import { withValidNames } from './validNames';
import type { CardDiagnostic, Fact, FactKey, FactTypes, ModelEntry, Namespace, ParsedCard, ParsedDocument, ParsedIndex, Registry, Status, Tile } from './types';
import { cardProblem, said } from './intern';
import { localeOrder } from '../util/order';

const STATUS_RANK: Record<Status, number> = { available: 0, preview: 1, beta: 2, deprecated: 3, retired: 4 };

const slugOf = (path: string): string => (path.split(/[\\/]/).pop() ?? '').replace(/\.(?:md|mdx|markdown|txt)$/i, '');

/** A bulk catalogue's rank within its layer: the maker's own service (2) over its cloud (1) over a host (0). */
function providerRank(providerKey: string): number {
  if (!isFirstParty(providerKey)) return 0;
  return /^(?:azure|google-vertex|google-vertex-anthropic|vertex_ai)$/.test(providerKey) ? 1 : 2;
}

/** Build the registry. `layers[0]` is the lowest (built-in cards); later layers override. */
export function buildRegistry(input: ReadonlyArray<readonly ParsedDocument[]>): Registry {
  // Every name from every source passes the id alphabet before anything else sees it.
  const layers = input.map((layer) => layer.map(withValidNames));
  const diagnostics: CardDiagnostic[] = [];
  const documents: ParsedDocument[] = [];
  for (const layer of layers) for (const d of layer) {
    documents.push(d);
    for (const x of d.diagnostics) diagnostics.push(x); // not `push(...list)`: a spread that long overflows the stack
  }

  // 1. Tiles, and what the index says about the cards they link to.
  const tileBySlug = new Map<string, Array<{ tile: Tile; index: ParsedIndex; layer: number }>>();
  layers.forEach((layer, li) => {
    for (const d of layer) {
      if (d.kind !== 'index') continue;
      for (const tile of d.tiles) {
        const slug = slugOf(tile.href);
        if (!slug) continue;
        const list = tileBySlug.get(slug) ?? [];
        list.push({ tile, index: d, layer: li });
        tileBySlug.set(slug, list);
      }
    }
  });

  // 2. Aliases declared in front matter, and card spellings the index corrects.
  const aliasOf = new Map<string, string>();
  const canonicalOfCard = new Map<ParsedCard, string>();
  const matchedTiles = new Set<Tile>();
  layers.forEach((layer, li) => {
    for (const d of layer) {
      if (d.kind !== 'card') continue;
      const name = d.facts.name?.value;
      for (const a of d.meta.aliases ?? []) if (name && a !== name) aliasOf.set(a, name);
      if (!name) continue;
      let canonical = name;
      for (const { tile, index, layer: tl } of (tileBySlug.size ? tileBySlug.get(slugOf(d.file)) : undefined) ?? []) {
        if (tl !== li) continue;
        matchedTiles.add(tile);
        if (tile.title === name) continue;
        const sameModel = canonicalBoxSpelling(tile.title) === canonicalBoxSpelling(name) || normalizeKey(tile.title) === normalizeKey(name);
        if (sameModel) {
          canonical = tile.title;
          aliasOf.set(name, tile.title);
          diagnostics.push(cardProblem(d.file, d.facts.name!.at, 'warning', 'card-tile-mismatch', said('tile-spelling', name, index.file, tile.at.line + 1, tile.title), [tile.title]));
        } else {
          diagnostics.push(cardProblem(index.file, tile.at, 'warning', 'card-tile-mismatch', said('tile-other-card', tile.title, tile.href, name, d.file), []));
        }
      }
      canonicalOfCard.set(d, canonical);
    }
  });
  const resolve = (name: string): string => {
    let n = name;
    for (let i = 0; i < 4 && aliasOf.has(n); i++) n = aliasOf.get(n)!;
    return n;
  };

  // 3. Group everything by canonical name.
  const drafts = new Map<string, Draft>();
  const draftFor = (name: string, namespace: Namespace): Draft => {
    let dr = drafts.get(name);
    if (!dr) {
      dr = { namespace, name, cards: [], catalogues: [], tiles: [], bulk: [], aliases: new Set(), contributions: new Map() };
      drafts.set(name, dr);
    }
    return dr;
  };
  // Ranks: cards and pages above every bulk catalogue (see settle.ts).
  const cardRank = (layer: number) => layers.length * 3 + layer;
  layers.forEach((layer, li) => {
    const ordered = [...layer].sort((a, b) => langOrder(a) - langOrder(b));
    for (const d of ordered) {
      if (d.kind === 'card') {
        const cardName = d.facts.name?.value;
        if (!cardName) continue;
        const name = resolve(canonicalOfCard.get(d) ?? cardName);
        const dr = draftFor(name, d.meta.namespace ?? (hasBoxProviderPrefix(name) ? 'box' : 'vendor'));
        if (cardName !== name) dr.aliases.add(cardName);
        for (const a of d.meta.aliases ?? []) if (a !== name) dr.aliases.add(a);
        dr.cards.push({ card: d, layer: li });
        for (const key of Object.keys(d.facts) as FactKey[]) {
          if (key === 'name') continue;
          const fact = d.facts[key]!;
          const list = dr.contributions.get(key) ?? [];
          list.push({ rank: cardRank(li), lang: d.lang, fact: fact as Fact<never>, file: d.file, origin: null });
          dr.contributions.set(key, list);
        }
      } else if (d.kind === 'catalogue' && d.id) {
        const name = resolve(d.id);
        const dr = draftFor(name, 'vendor');
        dr.catalogues.push({ page: d, layer: li });
        const add = <K extends FactKey>(key: K, fact: Fact<FactTypes[K]> | null) => {
          if (!fact) return;
          const list = dr.contributions.get(key) ?? [];
          list.push({ rank: cardRank(li), lang: d.lang, fact: fact as Fact<never>, file: d.file, origin: null });
          dr.contributions.set(key, list);
        };
        add('contextWindow', d.contextWindow);
        add('knowledgeCutoff', d.knowledgeCutoff);
        if (d.displayName) add('displayName', { value: d.displayName, raw: d.displayName, at: d.idAt });
        if (d.provider) add('provider', { value: d.provider, raw: d.provider, at: d.idAt });
        if (d.hosting) add('hosting', { value: d.hosting, raw: d.hosting, at: d.idAt });
      } else if (d.kind === 'bulk') {
        for (const entry of d.entries) addBulkEntry(draftFor(resolve(entry.id), 'vendor'), d, entry, li * 3 + providerRank(entry.providerId));
      } else if (d.kind === 'index') {
        for (const tile of d.tiles) {
          const dr = draftFor(resolve(tile.title), 'box');
          if (tile.title !== dr.name) dr.aliases.add(tile.title);
          dr.tiles.push({ tile, file: d.file, layer: li });
        }
      }
    }
  });

  // Tiles whose link leads to no card, when the index's own cards are present.
  for (const layer of layers) {
    for (const d of layer) {
      if (d.kind !== 'index') continue;
      const anyMatched = d.tiles.some((t) => matchedTiles.has(t));
      if (!anyMatched) continue;
      for (const tile of d.tiles) {
        if (matchedTiles.has(tile)) continue;
        diagnostics.push(cardProblem(d.file, tile.at, 'warning', 'card-tile-mismatch', said('tile-no-card', tile.title, tile.href), []));
      }
    }
  }

  // 4. Settle each entry.
  const models: ModelEntry[] = [];
  for (const dr of drafts.values()) models.push(settle(dr, diagnostics));

  checkVersionOrder(models, diagnostics);

  linkModels(models, resolve);

  models.sort((a, b) => (a.namespace === b.namespace ? localeOrder(a.name, b.name) : a.namespace === 'box' ? -1 : 1));
  return { models, diagnostics, documents, ...buildLookups(models) };
}


function langOrder(d: ParsedDocument): number {
  return d.kind === 'unknown' || d.kind === 'bulk' ? 2 : d.lang === 'en' ? 0 : 1;
}

export { STATUS_RANK };
