/**
 * The live registry: built-in cards plus the user's card folders
 * (`modelLens.cardPaths`). Reloads run in the background and swap the
 * registry in one step when complete: requests always answer from the last
 * complete registry and never wait on the disk.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCards, matchesCardPattern, parseCardFiles } from './files';
import { globBase, hasMagic } from '../util/glob';
import { buildRegistry, type CardDiagnostic, type ParsedDocument, type Registry } from '../registry';


/** Built-in documents carry paths relative to the extension root; make them absolute so definitions can open them. */
export function anchorDocuments(docs: readonly ParsedDocument[], root: string): ParsedDocument[] {
  const abs = (f: string) => (path.isAbsolute(f) ? f : path.join(root, f));
  return docs.map((d) => ({ ...d, file: abs(d.file), diagnostics: d.diagnostics.map((x): CardDiagnostic => ({ ...x, file: abs(x.file) })) }) as ParsedDocument);
}

export interface RegistryStatus {
  models: number;
  builtinModels: number;
  userCards: number;
  cardFolders: string[];
  problems: number;
}

export class RegistryService {
  private current: Registry;
  private readonly builtin: readonly ParsedDocument[];
  private readonly parsed = new Map<string, { mtimeMs: number; size: number; doc: ParsedDocument }>();
  private patterns: Array<{ folder: string; pattern: string }> = [];
  private generation = 0;
  private userFiles: string[] = [];
  private readonly listeners: Array<() => void> = [];
  private readonly builtinModels: number;
  private readonly builtinFiles: ReadonlySet<string>;

  constructor(builtin: readonly ParsedDocument[]) {
    this.builtin = builtin;
    this.builtinFiles = new Set(builtin.map((d) => d.file));
    this.builtinModels = buildRegistryCount(builtin);
    this.current = buildRegistry([builtin]);
  }

  get registry(): Registry {
    return this.current;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  status(): RegistryStatus {
    return {
      models: this.current.models.length,
      builtinModels: this.builtinModels,
      userCards: this.userFiles.length,
      cardFolders: [...new Set(this.patterns.map((p) => (hasMagic(p.pattern) ? path.join(p.folder, globBase(p.pattern)) : path.resolve(p.folder, p.pattern))))],
      problems: this.current.diagnostics.filter((d) => !this.builtinFiles.has(d.file) && (d.severity === 'error' || d.severity === 'warning')).length,
    };
  }

  /** Is this URI a file among the user's cards? */
  isUserCardUri(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    try {
      return this.isUserCard(fileURLToPath(uri));
    } catch {
      return false;
    }
  }

  /** Is this file one of the user's cards (by the configured globs)? */
  isUserCard(file: string): boolean {
    return this.patterns.some(({ folder, pattern }) => matchesCardPattern(folder, pattern, file));
  }

  /** Set the card globs and workspace folders, and reload. Resolves when the new registry is in place. */
  async configure(cardPaths: readonly string[], folders: readonly string[]): Promise<void> {
    const roots = folders.length ? folders : [process.cwd()];
    this.patterns = cardPaths.flatMap((pattern) =>
      path.isAbsolute(pattern) ? [{ folder: path.parse(pattern).root, pattern: path.relative(path.parse(pattern).root, pattern).split(path.sep).join('/') }] : roots.map((folder) => ({ folder, pattern })),
    );
    await this.reload();
  }

  /** Re-read the user's cards (only files whose size or time changed are parsed again). */
  async reload(): Promise<void> {
    const gen = ++this.generation;
    const files = new Set<string>();
    for (const { folder, pattern } of this.patterns) for (const f of await findCards(folder, pattern)) files.add(f);
    const docs: ParsedDocument[] = [];
    for (const file of [...files].sort()) {
      try {
        const st = await fs.stat(file);
        const cached = this.parsed.get(file);
        if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
          docs.push(cached.doc);
          continue;
        }
        const [doc] = await parseCardFiles([file]);
        if (!doc) continue;
        this.parsed.set(file, { mtimeMs: st.mtimeMs, size: st.size, doc });
        docs.push(doc);
      } catch {
        this.parsed.delete(file);
      }
    }
    for (const f of this.parsed.keys()) if (!files.has(f)) this.parsed.delete(f);
    if (gen !== this.generation) return; // a newer reload is under way
    this.userFiles = docs.filter((d) => d.kind !== 'unknown').map((d) => d.file);
    this.current = buildRegistry(docs.length ? [this.builtin, docs] : [this.builtin]);
    for (const l of this.listeners) l();
  }

  /** Problems found in one of the user's card files (and cards it disagrees with). */
  diagnosticsFor(file: string): CardDiagnostic[] {
    return this.current.diagnostics.filter((d) => d.file === file);
  }
}

function buildRegistryCount(docs: readonly ParsedDocument[]): number {
  const names = new Set<string>();
  for (const d of docs) if (d.kind === 'card' && d.facts.name?.value) names.add(d.facts.name.value);
  return names.size;
}
