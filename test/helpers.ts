/** Paths and small helpers shared by the tests. */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';

export const ROOT = path.resolve(__dirname, '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus', 'box-model-cards');
export const SEEDS = path.join(SHARED, 'seeds');
export const DIST = path.join(ROOT, 'dist');

export function readShared(...parts: string[]): string {
  return readFileSync(path.join(SHARED, ...parts), 'utf8');
}

/** Rows of the corpus manifest: language, set, original path, date, commit, blob, file. */
export function manifest(): Array<{ lang: string; set: string; source: string; date: string; file: string }> {
  return readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [lang, set, source, date, , , file] = l.split('\t');
      return { lang, set, source, date, file };
    });
}
