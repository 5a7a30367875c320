/**
 * The live registry: built-in cards plus the user's card folders
 * (`modelLens.cardPaths`). Reloads run in the background and swap the
 * registry in one step when complete: requests always answer from the last
 * complete registry and never wait on the disk.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isCardFileName, parseCardFiles } from './cardFiles';
import { globBase, hasMagic, matchGlob } from './glob';
import { buildRegistry, type CardDiagnostic, type ParsedDocument, type Registry } from './registry';

const MAX_FILES = 5000;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

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

  constructor(builtin: readonly ParsedDocument[]) {
    this.builtin = builtin;
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
      problems: this.current.diagnostics.filter((d) => !this.builtin.some((b) => b.file === d.file) && (d.severity === 'error' || d.severity === 'warning')).length,
    };
  }

  /** Is this file one of the user's cards (by the configured globs)? */
  isUserCard(file: string): boolean {
    return this.patterns.some(({ folder, pattern }) => matches(folder, pattern, file));
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

function matches(folder: string, pattern: string, file: string): boolean {
  if (!hasMagic(pattern)) {
    const target = path.resolve(folder, pattern);
    // The file named itself, or a card-like file in the folder named.
    return file === target || (file.startsWith(target + path.sep) && isCardFileName(path.basename(file)));
  }
  const rel = path.relative(folder, file).split(path.sep).join('/');
  return !rel.startsWith('..') && matchGlob(pattern, rel) && isCardFileName(path.basename(file));
}

async function findCards(folder: string, pattern: string): Promise<string[]> {
  const start = hasMagic(pattern) ? path.resolve(folder, globBase(pattern)) : path.resolve(folder, pattern);
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    if (out.length >= MAX_FILES) return;
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      return;
    }
    if (st.isFile()) {
      if (matches(folder, pattern, p)) out.push(p);
      return;
    }
    if (!st.isDirectory()) return;
    let entries;
    try {
      entries = await fs.readdir(p, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && (SKIP_DIRS.has(e.name) || e.name.startsWith('.'))) continue;
      if (e.isDirectory() || e.isFile()) await walk(path.join(p, e.name));
    }
  };
  await walk(start);
  return out;
}
