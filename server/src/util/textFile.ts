/**
 * Reading a text file without trusting its path: regular files only, nothing
 * from the kernel's or devices' file systems, never more bytes than a limit
 * (plus one, to know it was passed), and no file that is not text.
 */
import { constants, promises as fs, type Stats } from 'node:fs';

/** Where the kernel and devices appear as files: reads there can block forever, never end, or report a size of 0. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** The system folder a real (symlink-free) path lies in, if any. */
export function systemRoot(real: string): string | undefined {
  return SYSTEM_ROOTS.find((root) => real === root || real.startsWith(`${root}/`));
}

/** Why a file was not read. */
export type Refusal =
  | { reason: 'missing' }
  | { reason: 'system'; root: string }
  | { reason: 'special' | 'binary' }
  | { reason: 'too-big'; size: number }
  | { reason: 'unreadable'; code: string };

export type TextRead = { ok: true; text: string; mtime: Date } | ({ ok: false } & Refusal);

/** How far into a file to look for a NUL byte, the mark of a file that is not text. */
const BINARY_SNIFF = 8192;

/** How much is asked of the file at once when its size says little. */
const CHUNK = 64 * 1024;

/** What the caller already knows of a file: where it really is (links followed), and perhaps its stats. Saves a call each. */
export interface KnownFile {
  real: string;
  stats?: Stats;
}

/** Read a file as UTF-8 if it is a regular text file of at most `limit` bytes, outside /proc, /sys and /dev (links followed). */
export async function readTextFile(file: string, limit: number, known?: KnownFile): Promise<TextRead> {
  try {
    const real = known?.real ?? (await fs.realpath(file));
    const root = systemRoot(real);
    if (root) return { ok: false, reason: 'system', root };
    const st = known?.stats ?? (await fs.stat(real));
    if (!st.isFile()) return { ok: false, reason: 'special' };
    if (st.size > limit) return { ok: false, reason: 'too-big', size: st.size };
    // A "regular" file of size 0 is empty or, like the kernel's, has no size to trust: it is not read.
    if (st.size === 0) return { ok: true, text: '', mtime: st.mtime };
    const read = await readAtMost(real, limit + 1);
    if (read === 'special' || read === 'binary') return { ok: false, reason: read };
    if (read.bytes.length > limit) return { ok: false, reason: 'too-big', size: Math.max(read.stats.size, read.bytes.length) };
    return { ok: true, text: read.bytes.toString('utf8'), mtime: read.stats.mtime };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? { ok: false, reason: 'missing' } : { ok: false, reason: 'unreadable', code };
  }
}

/**
 * Up to `max` bytes of a file; 'special' if what was opened is not a regular file (it was swapped since it was looked at),
 * 'binary' as soon as a NUL byte shows the file is not text (a program or an image named like a card).
 */
async function readAtMost(real: string, max: number): Promise<{ bytes: Buffer; stats: Stats } | 'special' | 'binary'> {
  // Non-blocking, so that opening a FIFO put in the file's place does not wait for a writer.
  const handle = await fs.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return 'special';
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file's size is what it holds: once that much is read there is no need to ask for more. (A size of 0 says
    // nothing, as in /proc, so then the reading goes on to the end or the limit.)
    const until = stats.size > 0 ? Math.min(max, stats.size) : max;
    while (total < until) {
      const buffer = Buffer.allocUnsafe(Math.min(max - total, Math.max(stats.size + 1 - total, CHUNK)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      if (total < BINARY_SNIFF && buffer.subarray(0, Math.min(bytesRead, BINARY_SNIFF - total)).includes(0)) return 'binary';
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    return { bytes: Buffer.concat(chunks, total), stats };
  } finally {
    await handle.close();
  }
}
