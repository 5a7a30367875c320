/**
 * Reading model data from disk: which files under a path can be cards or catalogues, and parsing them,
 * within the limits of a {@link LoadContext} (what was skipped, and why, goes to its notices).
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { globBase, hasMagic, matchGlob } from '../util/glob';
import { MAX_CARD_BYTES, parseDocument, type ParsedDocument } from '../registry';
import { MAX_CATALOG_BYTES } from '../registry/bulk/common';
import { parseCatalog } from '../registry/parse';
import { LoadContext } from './context';
import { refusalNotice, type Scope } from './notices';
import { ReaderThread, readHere, type ReadRequest, type ThreadRead } from './readerThread';
import { systemRoot } from '../util/textFile';
import { inOrder } from '../util/pool';

/** Cards (Markdown) or bulk catalogues (JSON). */
export type DataKind = 'card' | 'catalog';

const CARD_FILE = /\.(?:md|mdx|markdown|txt)$/i;
const CATALOG_FILE = /\.json$/i;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);
/** The setting each kind of file is named by, for notices. */
const SCOPES: Readonly<Record<DataKind, Scope>> = { card: 'cardPaths', catalog: 'catalogs' };

/** Could this file be a card (Markdown and text files, and files without an extension, as some of Box's cards are) or a catalogue (JSON)? */
function isDataFileName(name: string, kind: DataKind): boolean {
  if (kind === 'catalog') return CATALOG_FILE.test(name);
  return CARD_FILE.test(name) || (!name.startsWith('.') && !path.extname(name));
}

/** How a file is read: JSON files as catalogues, the rest as cards. */
const kindOfFile = (file: string): DataKind => (CATALOG_FILE.test(file) ? 'catalog' : 'card');

/** Folders a walk does not enter (unless it starts there): build output, dependencies and hidden folders. */
const isSkippedFolder = (name: string): boolean => SKIP_DIRS.has(name) || name.startsWith('.');

/** Every card-like file under the given files and folders (each must exist), sorted, each once. */
export async function collectCardFiles(paths: readonly string[], context = new LoadContext()): Promise<string[]> {
  const out = new Set<string>();
  for (const p of paths) {
    await fs.stat(p); // a missing path is the caller's error, not an empty result
    for (const f of await findDataFiles(process.cwd(), p, 'card', context)) out.add(f);
  }
  return [...out].sort();
}

/**
 * Is `file` one of the files a `cardPaths` or `catalogs` entry names? A path without wildcards names a file
 * (any name) or a folder (its cards, or its JSON files); a glob is matched relative to `folder`.
 */
export function matchesDataPattern(folder: string, pattern: string, file: string, kind: DataKind): boolean {
  return dataPatternMatcher(folder, pattern, kind)(file);
}

/** `matchesDataPattern` for one pattern, made once (a walk asks it of every file). */
function dataPatternMatcher(folder: string, pattern: string, kind: DataKind): (file: string) => boolean {
  if (!hasMagic(pattern)) {
    const target = path.resolve(folder, pattern);
    const inside = target.endsWith(path.sep) ? target : target + path.sep; // the root already ends in one
    return (file) => file === target || (file.startsWith(inside) && isDataFileName(path.basename(file), kind));
  }
  return (file) => {
    const rel = path.relative(folder, file).split(path.sep).join('/');
    return !rel.startsWith('..') && matchGlob(pattern, rel) && isDataFileName(path.basename(file), kind);
  };
}

/** A file as notices name it: relative to the first of `folders` it is in, else its full path. */
export function shortPath(folders: readonly string[], file: string): string {
  for (const folder of folders) {
    const rel = path.relative(folder, file);
    if (rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) return rel;
  }
  return file;
}

interface Walk {
  /** Does the setting's pattern name this file (`matchesDataPattern`)? */
  matches: (file: string) => boolean;
  scope: Scope;
  context: LoadContext;
  /** Real paths of the folders entered and files taken: a link back up, or a second way to a file, counts once. */
  seen: Set<string>;
  found: string[];
}

/** A path as the walk met it, and where it really is. */
interface Place {
  p: string;
  real: string;
}

/** How many folders are listed, and links followed, at once. */
const WALK_WIDTH = 8;

/**
 * The files a card or catalogue path or glob names, relative to `folder`. Folders are walked a level at a time, several
 * listed at once, each level in name order; links are followed; unreadable places are skipped; neither the root of a file
 * system nor anything under /proc, /sys or /dev is entered; the walk stops at the context's limits.
 */
export async function findDataFiles(folder: string, pattern: string, kind: DataKind, context = new LoadContext()): Promise<string[]> {
  const start = hasMagic(pattern) ? path.resolve(folder, globBase(pattern)) : path.resolve(folder, pattern);
  const walk: Walk = { matches: dataPatternMatcher(folder, pattern, kind), scope: SCOPES[kind], context, seen: new Set(), found: [] };
  const first = await follow(start);
  if (!first) return walk.found;
  if (!first.folder) {
    considerFile(walk, start, first.real);
    return walk.found;
  }
  // A whole file system is never a card folder: walking it would only meet the limits.
  if (path.parse(first.real).root === first.real) {
    context.notices.add({ kind: 'root', scope: walk.scope, file: context.shown(start) });
    return walk.found;
  }
  let level: Place[] = [{ p: start, real: first.real }];
  for (let depth = 0; level.length && !context.stopped(walk.scope); depth++) {
    if (depth > context.limits.depth) {
      context.notices.add({ kind: 'depth', scope: walk.scope, limit: context.limits.depth });
      break;
    }
    level = await walkLevel(walk, level.filter((place) => enter(walk, place)));
  }
  return walk.found;
}

/** What a path is once links are followed; null if it is missing, a dangling link, or not ours to look at. */
async function follow(p: string): Promise<{ real: string; folder: boolean } | null> {
  try {
    const real = await fs.realpath(p);
    return { real, folder: (await fs.stat(real)).isDirectory() };
  } catch {
    return null;
  }
}

/** Should the walk list this folder: not seen before, and not a system folder (which is said)? */
function enter(walk: Walk, { p, real }: Place): boolean {
  if (walk.seen.has(real)) return false;
  walk.seen.add(real);
  const root = systemRoot(real);
  if (root) walk.context.notices.add({ kind: 'system', file: walk.context.shown(p), root });
  return !root;
}

/** List the folders of one level, take their files, and return the folders of the next level. */
async function walkLevel(walk: Walk, folders: readonly Place[]): Promise<Place[]> {
  const { context, scope } = walk;
  const below: Place[] = [];
  const links: Place[] = [];
  await inOrder(folders, WALK_WIDTH, (f) => readFolder(f.real, context.entriesLeft(scope)), (entries, f) => {
    for (const entry of entries) {
      if (!context.takeEntry(scope)) return false;
      const child = { p: under(f.p, entry.name), real: under(f.real, entry.name) };
      if (entry.isSymbolicLink()) links.push(child);
      else if (!entry.isDirectory()) considerFile(walk, child.p, child.real);
      else if (!isSkippedFolder(entry.name)) below.push(child);
      if (context.stopped(scope)) return false;
    }
    return true;
  });
  await inOrder(links, WALK_WIDTH, (link) => follow(link.p), (target, link) => {
    if (context.stopped(scope)) return false;
    if (target?.folder === false) considerFile(walk, link.p, target.real);
    else if (target && !isSkippedFolder(path.basename(link.p))) below.push({ p: link.p, real: target.real });
    return true;
  });
  return below;
}

/**
 * A folder's entry by name. The walk's paths are already normal (resolved, or real) and an entry's name holds no
 * separator, so joining is only that: `path.join`, which normalises again, was a sixth of the walk.
 */
const under = (folder: string, name: string): string => (folder.endsWith(path.sep) ? folder + name : folder + path.sep + name);

/** Take a file the pattern names (whether it can be read, the reading says). */
function considerFile(walk: Walk, p: string, real: string): void {
  if (walk.seen.has(real) || !walk.matches(p) || !walk.context.takeFile(walk.scope)) return;
  walk.seen.add(real);
  walk.found.push(p);
  walk.context.realPaths.set(p, real);
}

/** A folder's entries in name order: at most `max` and one more (to know there were more), or fewer if it cannot be listed to the end. */
async function readFolder(folder: string, max: number): Promise<Dirent[]> {
  const entries: Dirent[] = [];
  try {
    for await (const entry of await fs.opendir(folder, { bufferSize: 256 })) {
      entries.push(entry);
      if (entries.length > max) break;
    }
  } catch {
    // A folder that cannot be listed gives what was read of it.
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One file loaded: its document with the size and time it was read at, or (`unchanged`) the same as when last read. */
export type Loaded = { file: string; doc: ParsedDocument; size: number; mtimeMs: number } | { file: string; unchanged: true };

const reader = new ReaderThread();

/** Get the reader thread going before the files are known (see `ReaderThread.warm`). */
export const warmReader = (): void => reader.warm();

/** How {@link loadDataFiles} loads: `before`, a file's size and time when it was last read, if it was; `notes`, whether cards keep their notes (as `parseDocument`). */
export interface LoadOptions {
  before?: (file: string) => { size: number; mtimeMs: number } | undefined;
  notes?: boolean;
}

/**
 * Read and parse files, in order: JSON files as catalogues (dated by their modification time), the rest as cards, each named in
 * its document by `name`. A file whose size and time are still what `before` gives is not read again (`unchanged`). The reading
 * is done by a worker thread (in this one, asynchronously, where a worker cannot run). Files that cannot be read safely are
 * skipped with a notice; reading stops when the context is cancelled or out of time.
 */
export async function loadDataFiles(files: readonly string[], name: (file: string) => string, context: LoadContext, options: LoadOptions = {}): Promise<Loaded[]> {
  const { before = () => undefined, notes = true } = options;
  const limitOf = (file: string) => (kindOfFile(file) === 'catalog' ? MAX_CATALOG_BYTES : MAX_CARD_BYTES);
  const requests: ReadRequest[] = files.map((file) => ({ path: file, real: context.realPaths.get(file), limit: limitOf(file), before: before(file) }));
  const out: Loaded[] = [];
  // Each file's result, parsed as it comes (the worker reads the next batch meanwhile).
  const take = (read: ThreadRead, i: number): boolean => {
    if (context.expired()) return false;
    const file = files[i];
    if (read.ok === 'same') out.push({ file, unchanged: true });
    else if (read.ok) out.push({ file, doc: parseText(file, name(file), read.text, read.mtimeMs, notes), size: read.size, mtimeMs: read.mtimeMs });
    else {
      const notice = refusalNotice(read, context.shown(file), limitOf(file), kindOfFile(file) === 'catalog' ? 'catalogue' : 'card');
      if (notice) context.notices.add(notice);
    }
    return true;
  };
  let done = 0;
  try {
    await reader.readAll(requests, (reads, first) => {
      for (const [k, read] of reads.entries()) {
        if (!take(read, first + k)) return false;
        done = first + k + 1;
      }
      return true;
    });
  } catch {
    // No worker: the rest is read here.
    const rest = requests.slice(done);
    let i = done;
    await inOrder(rest, READ_WIDTH, readHere, (read) => take(read, i++));
  }
  return out;
}

/** A file's text as a document: a catalogue (JSON) or a card. */
function parseText(file: string, name: string, text: string, mtimeMs: number, notes: boolean): ParsedDocument {
  return kindOfFile(file) === 'catalog' ? parseCatalog(name, text, { label: `catalogue ${name}`, date: new Date(mtimeMs).toISOString().slice(0, 10) }) : parseDocument(name, text, { notes });
}

/** How many files are read at once when they are read in this thread. */
const READ_WIDTH = 32;

/** Read and parse files (see `loadDataFiles`): their documents, in order. */
export async function parseCardFiles(files: readonly string[], displayPath: (file: string) => string = (f) => f, context = new LoadContext()): Promise<ParsedDocument[]> {
  return (await loadDataFiles(files, displayPath, context)).flatMap((l) => ('doc' in l ? [l.doc] : []));
}
