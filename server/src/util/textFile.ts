/**
 * Reading a text file without trusting its path: regular files only, nothing
 * from the kernel's or devices' file systems, never more bytes than a limit
 * (plus one, to know it was passed), and no file that is not text.
 */
import * as fsc from 'node:fs';
import { constants, type Stats } from 'node:fs';
import { promisify } from 'node:util';

/**
 * The file calls, in their callback form made into promises: a third of the cost of `fs.promises` and its file
 * handles, which counts when a card folder holds 10,000 files.
 */
export const fileCalls = {
  realpath: promisify(fsc.realpath),
  stat: promisify(fsc.stat),
  open: promisify(fsc.open),
  fstat: promisify(fsc.fstat),
  read: promisify(fsc.read),
  close: promisify(fsc.close),
};

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

type TextRead = { ok: true; text: string; stats: Stats } | ({ ok: false } & Refusal);

/** How far into a file to look for a NUL byte, the mark of a file that is not text. */
const BINARY_SNIFF = 8192;

/** How much is asked of the file at once when its size says little. */
const CHUNK = 64 * 1024;

/**
 * Read a file as UTF-8 if it is a regular text file of at most `limit` bytes, outside /proc, /sys and /dev (links
 * followed; `real` when the caller already knows where it really is).
 */
export async function readTextFile(file: string, limit: number, real?: string): Promise<TextRead> {
  try {
    real ??= await fileCalls.realpath(file);
    const root = systemRoot(real);
    if (root) return { ok: false, reason: 'system', root };
    const st = await fileCalls.stat(real);
    if (!st.isFile()) return { ok: false, reason: 'special' };
    if (st.size > limit) return { ok: false, reason: 'too-big', size: st.size };
    // A "regular" file of size 0 is empty or, like the kernel's, has no size to trust: it is not read.
    if (st.size === 0) return { ok: true, text: '', stats: st };
    const read = await readAtMost(real, limit);
    if (typeof read === 'string') return { ok: false, reason: read };
    if ('tooBig' in read) return { ok: false, reason: 'too-big', size: read.tooBig };
    return { ok: true, text: read.bytes.toString('utf8'), stats: read.stats };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return code === 'ENOENT' ? { ok: false, reason: 'missing' } : { ok: false, reason: 'unreadable', code };
  }
}

/**
 * Up to `max` bytes of a file; 'special' if what was opened is not a regular file (it was swapped since it was looked at),
 * 'binary' as soon as a NUL byte shows the file is not text (a program or an image named like a card).
 */
async function readAtMost(real: string, limit: number): Promise<{ bytes: Buffer; stats: Stats } | { tooBig: number } | 'special' | 'binary'> {
  // Non-blocking, so that opening a FIFO put in the file's place does not wait for a writer.
  const fd = await fileCalls.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await fileCalls.fstat(fd);
    if (!stats.isFile()) return 'special';
    if (stats.size > limit) return { tooBig: stats.size };
    // One byte more than the limit is asked for, to know when a file has grown past it.
    const max = limit + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file's size is what it holds: once that much is read there is no need to ask for more. (A size of 0 says
    // nothing, as in /proc, so then the reading goes on to the end or the limit.)
    const until = stats.size > 0 ? Math.min(max, stats.size) : max;
    while (total < until) {
      const buffer = Buffer.allocUnsafe(Math.min(max - total, Math.max(stats.size + 1 - total, CHUNK)));
      const { bytesRead } = await fileCalls.read(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      if (total < BINARY_SNIFF && buffer.subarray(0, Math.min(bytesRead, BINARY_SNIFF - total)).includes(0)) return 'binary';
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > limit) return { tooBig: Math.max(stats.size, total) };
    return { bytes: Buffer.concat(chunks, total), stats };
  } finally {
    await fileCalls.close(fd);
  }
}
