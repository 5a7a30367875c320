/**
 * Reading many card files off the main thread. A worker reads them with plain synchronous calls (a tenth of the
 * cost of asynchronous ones for small files) and sends the texts back in batches, so that the server's thread
 * never waits on the disk, even on a slow network folder. The same rules as `util/textFile` apply: regular text
 * files only (checked once opened), nothing under /proc, /sys or /dev, never more than the limit.
 */
import { Worker } from 'node:worker_threads';
import { fileCalls, readTextFile, type Refusal } from '../util/textFile';

/** One file to read: its path, where it really is when known, its limit in bytes, and (when it was read before) its size and time then. */
export interface ReadRequest {
  path: string;
  real?: string;
  limit: number;
  before?: { size: number; mtimeMs: number };
}

/** A file read, refused, or (`same`) unchanged since it was read before: not read again. */
export type ThreadRead = { ok: true; text: string; size: number; mtimeMs: number } | { ok: 'same' } | ({ ok: false } & Refusal);

/**
 * The worker's whole program, as JavaScript source: it runs with `eval` in a thread of its own, so it is kept as text
 * that no build step rewrites. It does what `readHere` below does, with synchronous calls (the tests hold the two to
 * the same answers).
 */
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
const SNIFF = 8192;
const ROOTS = ['/proc', '/sys', '/dev'];
function readOne(req) {
  let fd = -1;
  try {
    const real = req.real ?? fs.realpathSync(req.path);
    const root = ROOTS.find((r) => real === r || real.startsWith(r + '/'));
    if (root) return { ok: false, reason: 'system', root };
    if (req.before) {
      const st = fs.statSync(real);
      if (st.isFile() && st.size === req.before.size && st.mtimeMs === req.before.mtimeMs) return { ok: 'same' };
    }
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'special' };
    if (st.size > req.limit) return { ok: false, reason: 'too-big', size: st.size };
    const buffer = Buffer.allocUnsafe(Math.min(st.size > 0 ? st.size : req.limit + 1, req.limit + 1));
    let total = 0;
    while (total < buffer.length) {
      const n = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > req.limit) return { ok: false, reason: 'too-big', size: Math.max(st.size, total) };
    if (buffer.subarray(0, Math.min(total, SNIFF)).includes(0)) return { ok: false, reason: 'binary' };
    return { ok: true, text: buffer.toString('utf8', 0, total), size: st.size, mtimeMs: st.mtimeMs };
  } catch (e) {
    const code = (e && e.code) || 'error';
    return code === 'ENOENT' ? { ok: false, reason: 'missing' } : { ok: false, reason: 'unreadable', code };
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}
parentPort.on('message', (batch) => parentPort.postMessage({ id: batch.id, reads: batch.requests.map(readOne) }));
`;

/** The same reading in this thread, with asynchronous calls: where a worker cannot run. */
export async function readHere(req: ReadRequest): Promise<ThreadRead> {
  try {
    if (req.before) {
      const st = await fileCalls.stat(req.real ?? req.path);
      if (st.isFile() && st.size === req.before.size && st.mtimeMs === req.before.mtimeMs) return { ok: 'same' };
    }
  } catch {
    // Gone or unreadable: the read says which.
  }
  const read = await readTextFile(req.path, req.limit, req.real);
  return read.ok ? { ok: true, text: read.text, size: read.stats.size, mtimeMs: read.stats.mtimeMs } : read;
}

/** How many files one message carries. */
const BATCH = 128;

/** A worker that reads files: started for a load, stopped when it is done (a thread holds memory of its own). */
export class ReaderThread {
  private current: { worker: Worker; waiting: Map<number, { resolve: (reads: ThreadRead[]) => void; reject: (e: unknown) => void }> } | null = null;
  private next = 0;

  /**
   * Read the files, in order, handing each batch of results to `take` as it comes (with the index of its first file);
   * the next batch is being read meanwhile. Stops when `take` returns false. Rejects if the worker cannot run (the caller
   * reads another way); `take` has then been given a prefix of the results.
   */
  async readAll(requests: readonly ReadRequest[], take: (reads: ThreadRead[], first: number) => boolean): Promise<void> {
    const batch = (i: number) => (i < requests.length ? this.send(requests.slice(i, i + BATCH)) : null);
    let pending = batch(0);
    try {
      for (let i = 0; pending; i += BATCH) {
        const next = batch(i + BATCH);
        const reads = await pending;
        pending = next;
        if (!take(reads, i)) break;
      }
    } finally {
      // A batch sent ahead and not taken is still answered: wait for it so that the worker is idle when stopped.
      if (pending) await pending.catch(() => undefined);
      this.stopWhenIdle();
    }
  }

  /** Start the worker ahead of a load (it takes a few tens of milliseconds to start; the folder walk runs meanwhile). */
  warm(): void {
    try {
      this.start();
    } catch {
      // No worker here: the load reads in this thread.
    }
  }

  private send(requests: ReadRequest[]): Promise<ThreadRead[]> {
    const { worker, waiting } = this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, requests });
    });
  }

  private start(): NonNullable<ReaderThread['current']> {
    if (this.current) return this.current;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const current = { worker, waiting: new Map() } as NonNullable<ReaderThread['current']>;
    worker.on('message', (m: { id: number; reads: ThreadRead[] }) => {
      const waiter = current.waiting.get(m.id);
      current.waiting.delete(m.id);
      waiter?.resolve(m.reads);
    });
    // A worker that fails or stops fails what was asked of it; the next request starts another.
    const fail = (e: unknown) => {
      if (this.current === current) this.current = null;
      for (const w of current.waiting.values()) w.reject(e);
      current.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the reader thread stopped')));
    this.current = current;
    return current;
  }

  /** Stop the worker once no load is waiting on it. */
  private stopWhenIdle(): void {
    const current = this.current;
    if (current && current.waiting.size === 0) {
      this.current = null;
      void current.worker.terminate();
    }
  }
}
