/**
 * The live registry: built-in data plus the user's card folders
 * (`modelLens.cardPaths`) and catalogue files (`modelLens.catalogs`).
 * Reloads run in the background and swap the registry in one step when
 * complete: requests always answer from the last complete registry and
 * never wait on the disk.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegistry, type CardDiagnostic, type ParsedDocument, type Registry } from '../registry';
import { globBase, hasMagic } from '../util/glob';
import { collectGarbage, collectWhenQuiet } from '../util/memory';
import { localeOrder } from '../util/order';
import { LoadContext, RELOAD_MS, type CancellationSignal } from './context';

/** A load that read this many files is followed by a full garbage collection. */
const BIG_LOAD = 1000;
import { findDataFiles, loadDataFiles, matchesDataPattern, shortPath, warmReader, type DataKind } from './files';
import { Notices } from './notices';
import { messages, type Locale } from '../messages';

/** Built-in documents carry paths relative to the extension root; make them absolute so definitions can open them. */
export function anchorDocuments(docs: readonly ParsedDocument[], root: string): ParsedDocument[] {
  const abs = (f: string) => (path.isAbsolute(f) || f.startsWith('builtin:') ? f : path.join(root, f));
  return docs.map((d) => ({ ...d, file: abs(d.file), diagnostics: d.diagnostics.map((x): CardDiagnostic => ({ ...x, file: abs(x.file) })) }) as ParsedDocument);
}

/** Where the registry's data comes from, for the status item and `model-lens list`. */
export interface DataSource {
  label: string;
  /** How current it is (a date), when known. */
  date: string | null;
  models: number;
}

export interface RegistryStatus {
  models: number;
  builtinModels: number;
  userCards: number;
  userCatalogs: number;
  cardFolders: string[];
  problems: number;
  sources: DataSource[];
  /** What the last reload skipped or where it stopped, and why: one sentence each, each once. */
  notices: string[];
}

interface Pattern {
  folder: string;
  pattern: string;
  kind: DataKind;
}

/** The built-in cards as the status item names them, and (when known ahead, as the compiled index knows it) how many models the built-in data makes. */
export interface BuiltinCards {
  label: string;
  date: string | null;
  models?: number;
}

export class RegistryService {
  /** The registry requests answer from; the built-in data's alone is built only when asked for before a load is done. */
  private current: Registry | null = null;
  private readonly builtin: readonly ParsedDocument[];
  private readonly parsed = new Map<string, { mtimeMs: number; size: number; doc: ParsedDocument }>();
  private patterns: Pattern[] = [];
  private generation = 0;
  private userDocs: ParsedDocument[] = [];
  private roots: readonly string[] = [];
  private notices = new Notices();
  private readonly listeners: Array<() => void> = [];
  private builtinCount: number | undefined;
  private readonly builtinFiles: ReadonlySet<string>;

  /** `builtinCards` names and dates the built-in cards (the bulk catalogues describe themselves), and may say how many models the built-in data makes. */
  constructor(
    builtin: readonly ParsedDocument[],
    private readonly builtinCards: BuiltinCards = { label: 'Model Lens cards', date: null },
  ) {
    this.builtin = builtin;
    this.builtinFiles = new Set(builtin.map((d) => d.file));
    this.builtinCount = builtinCards.models;
  }

  /**
   * The last complete registry. Until a load completes it is the built-in data's, built at the first request: a server
   * started with a card folder that loads before anything is asked never builds it (30 ms or more of its start).
   */
  get registry(): Registry {
    return (this.current ??= buildRegistry([this.builtin]));
  }

  /** How many models the built-in data makes (from the compiled index when given, else counted once). */
  private get builtinModels(): number {
    return (this.builtinCount ??= (this.current && !this.userDocs.length ? this.current : buildRegistry([this.builtin])).models.length);
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The registry's state for a status line; its notices in `locale`. */
  status(locale: Locale = 'en'): RegistryStatus {
    const registry = this.registry;
    const models = registry.models;
    const cardNames = (docs: readonly ParsedDocument[]) => {
      const names = new Set<string>();
      for (const d of docs) if (d.kind === 'card' && d.facts.name?.value) names.add(d.facts.name.value);
      return names.size;
    };
    const sources: DataSource[] = [{ label: this.builtinCards.label, date: this.builtinCards.date, models: cardNames(this.builtin) }];
    for (const d of [...this.builtin, ...this.userDocs]) if (d.kind === 'bulk') sources.push({ label: d.label, date: d.date, models: models.filter((m) => m.catalogs.includes(d.label)).length });
    const userCards = this.userDocs.filter((d) => d.kind !== 'unknown' && d.kind !== 'bulk');
    if (userCards.length) sources.push({ label: 'your cards', date: null, models: cardNames(userCards) });
    return {
      models: models.length,
      builtinModels: this.builtinModels,
      userCards: userCards.length,
      userCatalogs: this.userDocs.filter((d) => d.kind === 'bulk').length,
      cardFolders: [...new Set(this.patterns.map((p) => (hasMagic(p.pattern) ? path.join(p.folder, globBase(p.pattern)) : path.resolve(p.folder, p.pattern))))],
      problems: registry.diagnostics.filter((d) => !this.builtinFiles.has(d.file) && (d.severity === 'error' || d.severity === 'warning')).length,
      sources,
      notices: this.notices.list(messages(locale)),
    };
  }

  /** Is this URI a file among the user's cards or catalogues? */
  isUserCardUri(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    try {
      return this.isUserCard(fileURLToPath(uri));
    } catch {
      return false;
    }
  }

  /** Is this file one of the user's cards or catalogues (by the configured paths and globs)? */
  isUserCard(file: string): boolean {
    return this.patterns.some(({ folder, pattern, kind }) => matchesDataPattern(folder, pattern, file, kind));
  }

  /** Set the card and catalogue paths and the workspace folders, and reload. Resolves when the new registry is in place. */
  async configure(paths: { cardPaths: readonly string[]; catalogs: readonly string[] }, folders: readonly string[]): Promise<void> {
    const roots = folders.length ? folders : [process.cwd()];
    this.roots = roots;
    const expand = (pattern: string, kind: DataKind): Pattern[] => {
      if (!path.isAbsolute(pattern)) return roots.map((folder) => ({ folder, pattern, kind }));
      const root = path.parse(pattern).root;
      return [{ folder: root, pattern: path.relative(root, pattern).split(path.sep).join('/'), kind }];
    };
    this.patterns = [...paths.cardPaths.flatMap((p) => expand(p, 'card')), ...paths.catalogs.flatMap((p) => expand(p, 'catalog'))];
    await this.reload();
  }

  /**
   * Re-read the user's cards and catalogues (only files whose size or time changed are parsed again), within the limits of a {@link LoadContext}.
   * Stops early when `signal` is set or a newer reload starts: such a reload leaves the registry as it was and resolves to false.
   * Otherwise it resolves to true once the new registry, and what was skipped ({@link RegistryStatus.notices}), are in place.
   */
  async reload(signal?: CancellationSignal): Promise<boolean> {
    const gen = ++this.generation;
    const superseded = () => gen !== this.generation;
    const context = new LoadContext({
      signal: { get isCancellationRequested() { return signal?.isCancellationRequested === true || superseded(); } },
      timeLimitMs: RELOAD_MS,
      shown: (file) => shortPath(this.roots, file),
    });
    const files = new Map<string, { folder: string }>();
    if (this.patterns.length) warmReader();
    for (const { folder, pattern, kind } of this.patterns) {
      for (const f of await findDataFiles(folder, pattern, kind, context)) if (!files.has(f)) files.set(f, { folder });
    }
    const sorted = [...files.keys()].sort(localeOrder);
    const before = (f: string) => {
      const cached = this.parsed.get(f);
      return cached ? { size: cached.size, mtimeMs: cached.mtimeMs } : undefined;
    };
    // Without their notes (`info`: a row a card lacks): shown when the card is open, from that parse; 10,000 cards would hold tens of thousands.
    const loaded = await loadDataFiles(sorted, (f) => f, context, { before, notes: false });
    const docs: ParsedDocument[] = [];
    let unchanged = 0;
    for (const l of loaded) {
      const cached = this.parsed.get(l.file);
      if ('unchanged' in l) {
        unchanged++;
        if (cached) docs.push(cached.doc);
        continue;
      }
      const doc = l.doc;
      // A catalogue's notes too: the registry keeps only the problems that count.
      if (doc.diagnostics.some((d) => d.severity === 'info')) doc.diagnostics = doc.diagnostics.filter((d) => d.severity !== 'info');
      if (doc.kind === 'bulk') {
        const folder = files.get(l.file)?.folder ?? path.dirname(l.file);
        doc.label = `catalogue ${path.relative(folder, l.file).split(path.sep).join('/') || path.basename(l.file)}`;
      }
      this.parsed.set(l.file, { mtimeMs: l.mtimeMs, size: l.size, doc });
      docs.push(doc);
    }
    const kept = new Set(loaded.map((l) => l.file));
    if (context.cancelled) return false;
    for (const f of this.parsed.keys()) if (!kept.has(f)) this.parsed.delete(f);
    this.userDocs = docs;
    this.notices = context.notices;
    this.current = buildRegistry(docs.length ? [this.builtin, docs] : [this.builtin]);
    for (const l of this.listeners) l();
    // After reading thousands of files, give their memory back (see `collectGarbage`), once the news is out, and
    // again once the server is quiet (see `collectWhenQuiet`).
    if (loaded.length - unchanged >= BIG_LOAD) {
      setImmediate(() => collectGarbage(2));
      collectWhenQuiet();
    }
    return true;
  }

  /** Problems found in one of the user's card or catalogue files (and cards it disagrees with). */
  diagnosticsFor(file: string): CardDiagnostic[] {
    return this.registry.diagnostics.filter((d) => d.file === file);
  }
}
