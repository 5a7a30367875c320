/**
 * The merged registry: every card, index tile and catalogue page folded
 * into one entry per model name, in two namespaces (`box`, `vendor`), with
 * links between entries that describe the same model.
 *
 * Layers: later layers (users' card folders) override earlier ones (our
 * built-in cards). Within one layer, cards that disagree are all kept and
 * reported as `card-conflict`.
 */
import { FACT_LABELS } from './boxCard';
import { canonicalBoxSpelling, hasBoxProviderPrefix, normalizeKey } from './boxNames';
import { buildLookups } from './lookup';
import type {
  CardDiagnostic,
  Conflict,
  Fact,
  FactKey,
  FactRecord,
  FactTypes,
  Lang,
  ModelEntry,
  Namespace,
  ParsedCard,
  ParsedCatalogue,
  ParsedDocument,
  ParsedIndex,
  Purpose,
  Registry,
  SourceRef,
  Span,
  Status,
  Tile,
} from './types';

const STATUS_RANK: Record<Status, number> = { available: 0, preview: 1, beta: 2, deprecated: 3, retired: 4 };

const slugOf = (path: string): string => (path.split(/[\\/]/).pop() ?? '').replace(/\.(?:md|mdx|markdown|txt)$/i, '');
const at = (file: string, span: Span): SourceRef => ({ file, ...span });

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

interface Contribution<K extends FactKey = FactKey> {
  layer: number;
  lang: Lang;
  fact: Fact<FactTypes[K]>;
  file: string;
}

interface Draft {
  namespace: Namespace;
  name: string;
  cards: Array<{ card: ParsedCard; layer: number }>;
  catalogues: Array<{ page: ParsedCatalogue; layer: number }>;
  tiles: Array<{ tile: Tile; file: string; layer: number }>;
  aliases: Set<string>;
  contributions: Map<FactKey, Contribution[]>;
}

/** Build the registry. `layers[0]` is the lowest (built-in cards); later layers override. */
export function buildRegistry(layers: ReadonlyArray<readonly ParsedDocument[]>): Registry {
  const diagnostics: CardDiagnostic[] = [];
  const documents: ParsedDocument[] = [];
  for (const layer of layers) for (const d of layer) {
    documents.push(d);
    diagnostics.push(...d.diagnostics);
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
      for (const { tile, index, layer: tl } of tileBySlug.get(slugOf(d.file)) ?? []) {
        if (tl !== li) continue;
        matchedTiles.add(tile);
        if (tile.title === name) continue;
        const sameModel = canonicalBoxSpelling(tile.title) === canonicalBoxSpelling(name) || normalizeKey(tile.title) === normalizeKey(name);
        if (sameModel) {
          canonical = tile.title;
          aliasOf.set(name, tile.title);
          diagnostics.push({
            file: d.file,
            ...d.facts.name!.at,
            severity: 'warning',
            code: 'card-tile-mismatch',
            message: `The card spells the API name "${name}" but its tile in ${index.file} (line ${tile.at.line + 1}) says "${tile.title}". The tile's spelling is the one the API accepts.`,
            suggestions: [tile.title],
          });
        } else {
          diagnostics.push({
            file: index.file,
            ...tile.at,
            severity: 'warning',
            code: 'card-tile-mismatch',
            message: `The tile "${tile.title}" links to ${tile.href}, which is the card of "${name}" (${d.file}).`,
            suggestions: [],
          });
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
      dr = { namespace, name, cards: [], catalogues: [], tiles: [], aliases: new Set(), contributions: new Map() };
      drafts.set(name, dr);
    }
    return dr;
  };
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
          list.push({ layer: li, lang: d.lang, fact: fact as Fact<never>, file: d.file });
          dr.contributions.set(key, list);
        }
      } else if (d.kind === 'catalogue' && d.id) {
        const name = resolve(d.id);
        const dr = draftFor(name, 'vendor');
        dr.catalogues.push({ page: d, layer: li });
        const add = <K extends FactKey>(key: K, fact: Fact<FactTypes[K]> | null) => {
          if (!fact) return;
          const list = dr.contributions.get(key) ?? [];
          list.push({ layer: li, lang: d.lang, fact: fact as Fact<never>, file: d.file });
          dr.contributions.set(key, list);
        };
        add('contextWindow', d.contextWindow);
        add('knowledgeCutoff', d.knowledgeCutoff);
        if (d.displayName) add('displayName', { value: d.displayName, raw: d.displayName, at: d.idAt });
        if (d.provider) add('provider', { value: d.provider, raw: d.provider, at: d.idAt });
        if (d.hosting) add('hosting', { value: d.hosting, raw: d.hosting, at: d.idAt });
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
        diagnostics.push({
          file: d.file,
          ...tile.at,
          severity: 'warning',
          code: 'card-tile-mismatch',
          message: `The tile "${tile.title}" links to ${tile.href}, but no card in this folder has that name.`,
          suggestions: [],
        });
      }
    }
  }

  // 4. Settle each entry.
  const models: ModelEntry[] = [];
  for (const dr of drafts.values()) models.push(settle(dr, diagnostics));

  checkVersionOrder(models, diagnostics);

  // 5. Links between namespaces: declared, and by name (azure__openai__gpt_4o_mini ↔ gpt-4o-mini).
  const byName = new Map(models.map((m) => [m.name, m]));
  const vendorByKey = new Map<string, ModelEntry>();
  for (const m of models) if (m.namespace === 'vendor') vendorByKey.set(normalizeKey(m.name), m);
  const link = (a: ModelEntry, b: ModelEntry) => {
    if (a === b) return;
    if (!a.links.includes(b.name)) a.links.push(b.name);
    if (!b.links.includes(a.name)) b.links.push(a.name);
  };
  for (const m of models) {
    for (const l of [...m.links]) {
      const other = byName.get(l) ?? byName.get(resolve(l));
      if (other) {
        m.links.splice(m.links.indexOf(l), 1, other.name);
        link(m, other);
      }
    }
    if (m.namespace !== 'box' || m.status === 'retired') continue;
    const model = m.name.replace(/^[a-z]+__(?:openai__)?/, '');
    const v = vendorByKey.get(model) ?? vendorByKey.get(model.replace(/^gpt_(o\d)/, '$1'));
    if (v) link(m, v);
  }

  models.sort((a, b) => (a.namespace === b.namespace ? a.name.localeCompare(b.name) : a.namespace === 'box' ? -1 : 1));
  return { models, diagnostics, documents, ...buildLookups(models) };
}

/** `claude_4_5_haiku` → family `claude`, version [4, 5]; null when no version follows the family word. */
function familyVersion(name: string): { family: string; version: number[] } | null {
  const m = /^[a-z]+__(?:openai__)?([a-z]+)((?:_\d+)+)(?:[a-z]*)(?:_|$)/.exec(name);
  if (!m) return null;
  return { family: m[1], version: m[2].split('_').filter(Boolean).map(Number) };
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * A newer version of a family released before an older one is almost always
 * a card copied from another and not updated (Box's Claude 4 Opus card once
 * carried Claude 3 Sonnet's dates). Reported once per card, as information.
 */
function checkVersionOrder(models: ModelEntry[], diagnostics: CardDiagnostic[]): void {
  const live = models.filter((m) => m.namespace === 'box' && m.status !== 'retired' && m.facts.releaseDate?.value);
  for (const a of live) {
    const fa = familyVersion(a.name);
    if (!fa) continue;
    const ra = a.facts.releaseDate!.value!;
    let older: ModelEntry | null = null;
    for (const b of live) {
      const fb = familyVersion(b.name);
      if (!fb || fb.family !== fa.family || compareVersions(fa.version, fb.version) <= 0) continue;
      const rb = b.facts.releaseDate!.value!;
      const n = Math.min(ra.length, rb.length);
      if (ra.slice(0, n) < rb.slice(0, n) && (!older || rb > older.facts.releaseDate!.value!)) older = b;
    }
    if (!older) continue;
    const src = a.facts.releaseDate!.source;
    diagnostics.push({
      ...src,
      severity: 'info',
      code: 'card-conflict',
      message: `${a.name} (version ${fa.version.join('.')}) is dated ${ra}, before the older ${older.name} (${older.facts.releaseDate!.value}); the release date may have been copied from another card.`,
      suggestions: [],
    });
  }
}

function langOrder(d: ParsedDocument): number {
  return d.kind === 'unknown' ? 2 : d.lang === 'en' ? 0 : 1;
}

function settle(dr: Draft, diagnostics: CardDiagnostic[]): ModelEntry {
  const facts: ModelEntry['facts'] = {};
  const conflicts: Conflict[] = [];
  for (const [key, list] of dr.contributions) {
    const top = Math.max(...list.map((c) => c.layer));
    const current = list.filter((c) => c.layer === top);
    const winner = current.find((c) => c.fact.value !== null) ?? current[0];
    const raw: Partial<Record<Lang, string>> = {};
    for (const c of current) if (raw[c.lang] === undefined && (c.fact.value !== null || c === winner)) raw[c.lang] = c.fact.raw;
    (facts as Record<string, FactRecord<unknown>>)[key] = { value: winner.fact.value, raw, source: at(winner.file, winner.fact.at) };
    const disagreeing = current.filter((c) => !agree(key, winner.fact.value, c.fact.value));
    if (disagreeing.length > 0) {
      const values = [winner, ...disagreeing].map((c) => ({ value: show(c.fact.value), raw: c.fact.raw, source: at(c.file, c.fact.at) }));
      conflicts.push({ field: key, values });
      for (const c of disagreeing) {
        diagnostics.push({
          file: c.file,
          ...c.fact.at,
          severity: 'warning',
          code: 'card-conflict',
          message: `${FACT_LABELS[key]} of ${dr.name}: this card says "${c.fact.raw}" but ${winner.file} (line ${winner.fact.at.line + 1}) says "${winner.fact.raw}".`,
          suggestions: [],
        });
      }
    }
    // More precise dates win over less precise ones that agree with them.
    if ((key === 'releaseDate' || key === 'knowledgeCutoff') && typeof winner.fact.value === 'string') {
      for (const c of current) {
        if (typeof c.fact.value === 'string' && c.fact.value.length > (facts[key]!.value as string).length && agree(key, c.fact.value, winner.fact.value)) {
          (facts[key] as FactRecord<string>).value = c.fact.value;
        }
      }
    }
  }

  // Front matter and tiles: the highest layer that says something wins.
  const cards = [...dr.cards].sort((a, b) => b.layer - a.layer);
  const tiles = [...dr.tiles].sort((a, b) => b.layer - a.layer);
  const meta = <K extends keyof ParsedCard['meta']>(k: K): ParsedCard['meta'][K] | undefined => cards.find((c) => c.card.meta[k] !== undefined)?.card.meta[k];
  const tileSays = <T>(pick: (t: Tile) => T | null): T | null => {
    for (const t of tiles) {
      const v = pick(t.tile);
      if (v !== null) return v;
    }
    return null;
  };

  const tileCategory = tileSays((t) => t.category);
  const cardCategory = facts.category?.value ?? null;
  if (tileCategory && cardCategory && tileCategory !== cardCategory && facts.category) {
    const tile = tiles.find((t) => t.tile.category === tileCategory)!;
    diagnostics.push({
      file: facts.category.source.file,
      ...spanOf(facts.category.source),
      severity: 'warning',
      code: 'card-tile-mismatch',
      message: `The card says ${dr.name} is ${cardCategory} but its tile in ${tile.file} (line ${tile.tile.at.line + 1}) says ${tileCategory}.`,
      suggestions: [],
    });
    conflicts.push({
      field: 'category',
      values: [
        { value: cardCategory, raw: facts.category.raw.en ?? facts.category.raw.ja ?? cardCategory, source: facts.category.source },
        { value: tileCategory, raw: tileCategory, source: at(tile.file, tile.tile.at) },
      ],
    });
  }

  const retiredDate = meta('retired') ?? null;
  const status: Status = meta('status') ?? tileSays((t) => t.status) ?? (retiredDate ? 'retired' : 'available');
  const name = dr.name;
  const purpose: Purpose = meta('purpose') ?? tileSays((t) => t.purpose) ?? (/embed/i.test(name) ? 'embeddings' : 'chat');
  const description: Partial<Record<Lang, string>> = {};
  for (const c of cards) if (c.card.description && description[c.card.lang] === undefined) description[c.card.lang] = c.card.description;

  const sources: SourceRef[] = [];
  for (const c of cards) {
    const nameFact = c.card.facts.name;
    if (nameFact) sources.push(at(c.card.file, nameFact.at));
  }
  for (const c of [...dr.catalogues].sort((a, b) => b.layer - a.layer)) sources.push(at(c.page.file, c.page.idAt));
  for (const t of tiles) sources.push(at(t.file, t.tile.at));

  const catalogue = [...dr.catalogues].sort((a, b) => b.layer - a.layer)[0]?.page;
  const listMeta = (k: 'languages' | 'inputTypes' | 'outputTypes', fromCatalogue: string[] | undefined): string[] =>
    meta(k) ?? (fromCatalogue && fromCatalogue.length ? fromCatalogue : []);

  return {
    id: `${dr.namespace}:${name}`,
    namespace: dr.namespace,
    name,
    displayName: facts.displayName?.value ?? null,
    description,
    provider: facts.provider?.value ?? null,
    hosting: facts.hosting?.value ?? null,
    category: meta('category') ?? tileCategory ?? cardCategory,
    status,
    successor: meta('successor') ?? null,
    purpose,
    contextWindow: facts.contextWindow?.value ?? null,
    maxOutputTokens: facts.maxOutputTokens?.value ?? null,
    releaseDate: facts.releaseDate?.value ?? null,
    knowledgeCutoff: facts.knowledgeCutoff?.value ?? null,
    throughput: facts.throughput?.value ?? null,
    openSource: facts.openSource?.value ?? null,
    languages: listMeta('languages', catalogue?.languages),
    aliases: [...dr.aliases].filter((a) => a !== name).sort(),
    links: [...(meta('links') ?? [])],
    sources,
    facts,
    conflicts,
    customerEnabled: meta('customerEnabled') ?? tileSays((t) => (t.customerEnabled ? true : null)) ?? false,
    defaultFor: meta('defaultFor') ?? tileSays((t) => (t.defaultFor.length ? t.defaultFor : null)) ?? [],
    deprecatedDate: meta('deprecated') ?? null,
    retiredDate,
    retiredReason: meta('retiredReason') ?? null,
    docsUrl: cards.find((c) => c.card.docsUrl)?.card.docsUrl ?? null,
    version: meta('version') ?? catalogue?.version ?? null,
    inputTypes: listMeta('inputTypes', catalogue?.inputTypes),
    outputTypes: listMeta('outputTypes', catalogue?.outputTypes),
    benchmarks: catalogue?.benchmarks ?? [],
    capabilities: catalogue?.capabilities ?? [],
  };
}

function spanOf(s: SourceRef): Span {
  return { line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

export { STATUS_RANK };
