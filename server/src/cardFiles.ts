/** Reading card files from disk: which files in a folder can be cards, and parsing them. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_CARD_BYTES, parseDocument, type ParsedDocument } from './registry';

const CARD_FILE = /\.(?:md|mdx|markdown|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Could this file be a card? Markdown and text files, and files without an extension (as some of Box's cards are). */
export function isCardFileName(name: string): boolean {
  return CARD_FILE.test(name) || (!name.startsWith('.') && !path.extname(name));
}

/** Every card-like file under the given files and folders, sorted, each once. */
export async function collectCardFiles(paths: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    const st = await fs.stat(p);
    if (st.isDirectory()) {
      const entries = await fs.readdir(p, { withFileTypes: true });
      for (const e of entries) {
        if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
        if (e.isDirectory() || (e.isFile() && isCardFileName(e.name))) await walk(path.join(p, e.name), false);
      }
    } else if (st.isFile() && (explicit || isCardFileName(path.basename(p)))) {
      out.add(p);
    }
  };
  for (const p of paths) await walk(p, true);
  return [...out].sort();
}

/** Read and parse files. Unreadable or oversized files are skipped, not fatal. */
export async function parseCardFiles(files: readonly string[], displayPath: (file: string) => string = (f) => f): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  for (const file of files) {
    try {
      const st = await fs.stat(file);
      if (st.size > MAX_CARD_BYTES) continue;
      const text = await fs.readFile(file, 'utf8');
      docs.push(parseDocument(displayPath(file), text));
    } catch {
      // A file that vanished or cannot be read is simply not a card.
    }
  }
  return docs;
}
