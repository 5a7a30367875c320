/** The files `model-lens check` reads under the given paths: .gitignore files and `modelLens.exclude` are honoured, and only languages Model Lens reads. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isExcluded } from '../diagnostics/engine';
import { isNotebookFile } from '../diagnostics/notebook';
import { languageOfFile } from '../languages';
import type { Settings } from '../settings';
import { globMatches, matchGlob } from '../util/glob';
import { readTextFile } from '../util/textFile';
import { localeOrder } from '../util/order';

interface IgnoreRule {
  base: string;
  glob: string;
  negate: boolean;
  dirOnly: boolean;
  /** Has a slash: matched from the .gitignore's folder, not anywhere. */
  anchored: boolean;
}

function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    rules.push({ base, glob: anchored ? line : `**/${line}`, negate, dirOnly, anchored });
  }
  return rules;
}

function ignored(rules: readonly IgnoreRule[], file: string, isDir: boolean): boolean {
  let result = false;
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    const rel = path.relative(r.base, file).split(path.sep).join('/');
    if (rel.startsWith('..')) continue;
    const hit = r.anchored ? globMatches(r.glob, rel) || globMatches(`${r.glob}/**`, rel) : matchGlob(r.glob, rel) || matchGlob(`${r.glob}/**`, rel);
    if (hit) result = !r.negate;
  }
  return result;
}

/** A .gitignore is a short text file; a larger one, or one that cannot be read, is not used. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/** The rules of a folder's .gitignore (none if it has none). */
async function readGitignore(folder: string): Promise<IgnoreRule[]> {
  const read = await readTextFile(path.join(folder, '.gitignore'), MAX_GITIGNORE_BYTES);
  return read.ok ? parseGitignore(read.text, folder) : [];
}

/**
 * Every file to check under the given paths, honouring .gitignore files and `exclude` (relative to `root`). Files
 * named on the command line are checked whatever they are, unless `forceExclude` (a hook that names every changed
 * file) holds them to the same filters as the files found in folders.
 */
export async function collectFiles(paths: readonly string[], root: string, settings: Settings, forceExclude = false): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string, rules: IgnoreRule[], explicit: boolean): Promise<void> => {
    const st = await fs.stat(p);
    const rel = path.relative(root, p).split(path.sep).join('/') || '.';
    if (st.isDirectory()) {
      if (!explicit && (path.basename(p) === '.git' || ignored(rules, p, true) || isExcluded(`${rel}/`, settings))) return;
      const own = [...rules, ...(await readGitignore(p))];
      for (const e of (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => localeOrder(a.name, b.name))) {
        if (e.isDirectory() || e.isFile()) await walk(path.join(p, e.name), own, false);
      }
    } else if (st.isFile()) {
      if ((!explicit || forceExclude) && (ignored(rules, p, false) || isExcluded(rel, settings) || (languageOfFile(p) === null && !isNotebookFile(p)))) return;
      out.push(p);
    } else if (explicit) {
      out.push(p); // named on the command line but not a file or folder (a FIFO, a device): the check says it skipped it
    }
  };
  const rootRules = await readGitignore(root);
  for (const p of paths) {
    const abs = path.resolve(root, p);
    // A folder's own .gitignore is read by the walk; the root's applies to paths below it.
    await walk(abs, abs === root ? [] : rootRules, true);
  }
  return out;
}
