/** Reading model data from disk: which files in a folder can be cards or catalogues, and parsing them. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { globBase, hasMagic, matchGlob } from '../util/glob';
import { MAX_CARD_BYTES, parseDocument, type ParsedDocument } from '../registry';
import { MAX_CATALOG_BYTES } from '../registry/bulk/common';
import { parseCatalog } from '../registry/parse';

/** Cards (Markdown) or bulk catalogues (JSON). */
export type DataKind = 'card' | 'catalog';

const CARD_FILE = /\.(?:md|mdx|markdown|txt)$/i;
const CATALOG_FILE = /\.json$/i;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);
const MAX_FILES = 5000;

/** Could this file be a card (Markdown and text files, and files without an extension, as some of Box's cards are) or a catalogue (JSON)? */
function isDataFileName(name: string, kind: DataKind): boolean {
  if (kind === 'catalog') return CATALOG_FILE.test(name);
  return CARD_FILE.test(name) || (!name.startsWith('.') && !path.extname(name));
}

/** Every card-like file under the given files and folders (each must exist), sorted, each once. */
export async function collectCardFiles(paths: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const p of paths) {
    await fs.stat(p); // a missing path is the caller's error, not an empty result
    for (const f of await findDataFiles(process.cwd(), p, 'card')) out.add(f);
  }
  return [...out].sort();
}

/**
 * Is `file` one of the files a `cardPaths` or `catalogs` entry names? A path without wildcards names a file
 * (any name) or a folder (its cards, or its JSON files); a glob is matched relative to `folder`.
 */
export function matchesDataPattern(folder: string, pattern: string, file: string, kind: DataKind): boolean {
  if (!hasMagic(pattern)) {
    const target = path.resolve(folder, pattern);
    return file === target || (file.startsWith(target + path.sep) && isDataFileName(path.basename(file), kind));
  }
  const rel = path.relative(folder, file).split(path.sep).join('/');
  return !rel.startsWith('..') && matchGlob(pattern, rel) && isDataFileName(path.basename(file), kind);
}

/** The files a card or catalogue path or glob names, relative to `folder`; unreadable places are skipped, at most MAX_FILES. */
export async function findDataFiles(folder: string, pattern: string, kind: DataKind): Promise<string[]> {
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
      if (matchesDataPattern(folder, pattern, p, kind)) out.push(p);
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

/** Read and parse files: JSON files as catalogues (dated by their modification time), the rest as cards. Unreadable or oversized files are skipped, not fatal. */
export async function parseCardFiles(files: readonly string[], displayPath: (file: string) => string = (f) => f): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  for (const file of files) {
    try {
      const st = await fs.stat(file);
      const catalog = CATALOG_FILE.test(file);
      if (!st.isFile() || st.size > (catalog ? MAX_CATALOG_BYTES : MAX_CARD_BYTES)) continue;
      const text = await fs.readFile(file, 'utf8');
      const shown = displayPath(file);
      docs.push(catalog ? parseCatalog(shown, text, { label: `catalogue ${shown}`, date: st.mtime.toISOString().slice(0, 10) }) : parseDocument(shown, text));
    } catch {
      // A file that vanished or cannot be read is simply not a card.
    }
  }
  return docs;
}
