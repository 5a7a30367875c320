/** Paths and small helpers shared by the tests. */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import type { ParsedDocument } from '../server/src/registry';
import { reviveSpans } from '../server/src/registry/compiledIndex';

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

/** The registry exactly as the build ships it: our cards and the embedded catalogue, from the compiled index (`npm run build` makes it). */
export function shippedDocuments(): ParsedDocument[] {
  const index = JSON.parse(readFileSync(path.join(ROOT, 'out', 'registry-index.json'), 'utf8')) as { documents: ParsedDocument[] };
  reviveSpans(index.documents);
  return index.documents;
}
