/** Reading one card or catalogue through the safe reader, with what was refused turned into a notice. */
import type { Stats } from 'node:fs';
import { readTextFile, type KnownFile } from '../util/textFile';
import type { Notice } from './notices';

export type ReadResult = { ok: true; text: string; stats: Stats } | { ok: false; notice?: Notice };

/**
 * Read a data file as UTF-8. A file that is not there is `{ ok: false }` without a notice (it went away between the walk and the read);
 * anything else refused says why, naming the file as `shown`.
 */
export async function readDataFile(file: string, shown: string, limit: number, what: 'card' | 'catalogue', known?: KnownFile): Promise<ReadResult> {
  const read = await readTextFile(file, limit, known);
  if (read.ok) return read;
  switch (read.reason) {
    case 'missing':
      return { ok: false };
    case 'system':
      return { ok: false, notice: { kind: 'system', file: shown, root: read.root } };
    case 'too-big':
      return { ok: false, notice: { kind: 'too-big', file: shown, size: read.size, limit, what } };
    case 'unreadable':
      return { ok: false, notice: { kind: 'unreadable', file: shown, code: read.code } };
    default:
      return { ok: false, notice: { kind: read.reason, file: shown } };
  }
}
