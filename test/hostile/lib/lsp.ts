/**
 * A small, defensive LSP client for hostile-input tests. Unlike
 * test/lsp/client.ts it has no dependencies (its own
 * Content-Length framing) so it can time every answer, measure its size,
 * and never throw or hang:
 *
 *  - every request resolves with an Outcome (answered / timeout / exited),
 *    with the time from sending to the answer and the answer's JSON size;
 *  - the server's peak memory (VmHWM, VmRSS from /proc/<pid>/status) is
 *    sampled, and the server is SIGKILLed when its RSS passes a hard cap
 *    (HOSTILE_RSS_KILL_MB, default 2048) so a runaway never eats the machine;
 *  - dispose() always kills the process.
 *
 * It answers the server's requests like the project's test client:
 * workspace/configuration (the `modelLens` section: `settings`),
 * client/registerCapability, workspace/diagnostic/refresh, …
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DIST, RSS_KILL_MB } from './harness';

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export interface Outcome<T = unknown> {
  /** answered: a response came; timeout: none within the cap; exited: the server died first. */
  status: 'answered' | 'timeout' | 'exited';
  id: number;
  result?: T;
  error?: RpcError;
  /** Milliseconds from sending the request to its answer (or to giving up). */
  ms: number;
  /** Size of the answer's JSON body, in bytes. */
  bytes: number;
}

export interface StartOptions {
  folders?: string[];
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Also send didChangeConfiguration-capable client caps (default true). */
  configuration?: boolean;
  /** Extra node arguments for the server process. */
  nodeArgs?: string[];
}

interface Pending {
  resolve: (o: Outcome) => void;
  t0: number;
  timer: NodeJS.Timeout | null;
}

export class LspServer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly notifications: Array<{ method: string; params: unknown; at: number }> = [];
  readonly serverRequests: Array<{ method: string; at: number }> = [];
  settings: Record<string, unknown>;
  /** Peak resident memory seen, MB (max of VmHWM and sampled VmRSS). */
  peakRssMB = 0;
  /** Set when the RSS cap killed the process. */
  killedForRss = false;
  stderr = '';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private chunks: Buffer[] = [];
  private len = 0;
  private need = -1;
  private readonly sampler: NodeJS.Timeout;
  private exited = false;
  private readonly exitedPromise: Promise<void>;

  constructor(opts: StartOptions = {}) {
    this.settings = opts.settings ?? {};
    this.proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.proc.stdin.on('error', () => {});
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-64 * 1024);
      if (process.env.HOSTILE_VERBOSE) process.stderr.write(`[server] ${d}`);
    });
    this.exitedPromise = new Promise((resolve) => {
      this.proc.once('exit', () => {
        this.exited = true;
        this.sample();
        clearInterval(this.sampler);
        for (const [id, p] of this.pending) {
          if (p.timer) clearTimeout(p.timer);
          p.resolve({ status: 'exited', id, ms: performance.now() - p.t0, bytes: 0 });
        }
        this.pending.clear();
        resolve();
      });
    });
    this.sampler = setInterval(() => this.sample(), 20);
    this.sampler.unref();
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  /** Not exited (and not killed by the RSS cap). */
  alive(): boolean {
    return !this.exited && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  exitInfo(): string {
    if (this.alive()) return 'alive';
    if (this.killedForRss) return `killed by the harness at RSS > ${RSS_KILL_MB} MB`;
    return `exited (code ${this.proc.exitCode}, signal ${this.proc.signalCode})`;
  }

  private sample(): void {
    if (this.proc.pid === undefined) return;
    let status: string;
    try {
      status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    } catch {
      return;
    }
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    const hwm = kb('VmHWM') / 1024;
    const rss = kb('VmRSS') / 1024;
    this.peakRssMB = Math.max(this.peakRssMB, hwm, rss);
    if (rss > RSS_KILL_MB && !this.exited) {
      this.killedForRss = true;
      this.proc.kill('SIGKILL');
    }
  }

  // ---- framing ----------------------------------------------------------

  private onData(d: Buffer): void {
    this.chunks.push(d);
    this.len += d.length;
    for (;;) {
      if (this.need < 0) {
        if (this.len === 0) return;
        const head = this.peek(Math.min(this.len, 4096));
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const m = /Content-Length:\s*(\d+)/i.exec(head.subarray(0, end).toString('ascii'));
        this.take(end + 4);
        this.need = m ? Number(m[1]) : 0;
      }
      if (this.len < this.need) return;
      if (this.need === 0 && this.len === 0) {
        this.need = -1;
        continue;
      }
      const body = this.take(this.need);
      this.need = -1;
      this.onMessage(body);
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks.length > 1 && this.chunks[0].length < n) {
      const all = Buffer.concat(this.chunks, this.len);
      this.chunks = [all];
    }
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.len);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.len = rest.length;
    return out;
  }

  private onMessage(body: Buffer): void {
    let msg: { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: RpcError };
    try {
      msg = JSON.parse(body.toString('utf8'));
    } catch {
      return;
    }
    if (msg.method !== undefined && msg.id !== undefined) {
      this.serverRequests.push({ method: msg.method, at: performance.now() });
      this.write({ jsonrpc: '2.0', id: msg.id, result: this.answerServerRequest(msg.method, msg.params) });
    } else if (msg.method !== undefined) {
      this.notifications.push({ method: msg.method, params: msg.params, at: performance.now() });
    } else if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (p.timer) clearTimeout(p.timer);
      p.resolve({ status: 'answered', id: msg.id, result: msg.result, error: msg.error, ms: performance.now() - p.t0, bytes: body.length });
    }
  }

  private answerServerRequest(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration':
        return ((params as { items?: Array<{ section?: string }> })?.items ?? []).map((i) => (i.section === 'modelLens' ? this.settings : null));
      case 'workspace/applyEdit':
        return { applied: true };
      default:
        // client/registerCapability, client/unregisterCapability, workspace/diagnostic/refresh, window/showMessageRequest, …
        return null;
    }
  }

  private write(msg: unknown): void {
    if (this.exited) return;
    const json = JSON.stringify(msg);
    const bytes = Buffer.byteLength(json, 'utf8');
    this.proc.stdin.write(`Content-Length: ${bytes}\r\n\r\n`);
    this.proc.stdin.write(json);
  }

  // ---- protocol ---------------------------------------------------------

  /** Send a request; resolves (never rejects) with its answer, or `timeout` after `capMs`. */
  request<T = unknown>(method: string, params: unknown, capMs = 5000): Promise<Outcome<T>> & { id: number } {
    const id = this.nextId++;
    const promise = new Promise<Outcome<T>>((resolve) => {
      if (this.exited) return resolve({ status: 'exited', id, ms: 0, bytes: 0 });
      const t0 = performance.now();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ status: 'timeout', id, ms: performance.now() - t0, bytes: 0 });
      }, capMs);
      this.pending.set(id, { resolve: resolve as (o: Outcome) => void, t0, timer });
      const msg: Record<string, unknown> = { jsonrpc: '2.0', id, method };
      if (params !== undefined) msg.params = params;
      this.write(msg);
    });
    return Object.assign(promise, { id });
  }

  notify(method: string, params: unknown): void {
    const msg: Record<string, unknown> = { jsonrpc: '2.0', method };
    if (params !== undefined) msg.params = params;
    this.write(msg);
  }

  /** initialize + initialized. Resolves after the initialize answer (or its timeout); does not wait for the registry. */
  async initialize(opts: StartOptions = {}, capMs = 10_000): Promise<Outcome> {
    const folders = opts.folders ?? [];
    const configuration = opts.configuration ?? true;
    const r = await this.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: folders[0] ? pathToFileURL(folders[0]).toString() : null,
        workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).toString(), name: path.basename(f) })),
        capabilities: {
          workspace: {
            configuration,
            didChangeConfiguration: { dynamicRegistration: true },
            didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
            diagnostics: { refreshSupport: true },
          },
          textDocument: {
            completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
            hover: { contentFormat: ['markdown'] },
            diagnostic: { dynamicRegistration: false },
          },
        },
        initializationOptions: opts.initializationOptions ?? {},
      },
      capMs,
    );
    this.notify('initialized', {});
    return r;
  }

  registryChanges(): number {
    return this.notifications.filter((n) => n.method === 'modelLens/registryChanged').length;
  }

  /** Wait until `check()` holds or `capMs` passes (or the server exits). */
  async waitFor(check: () => boolean, capMs: number): Promise<boolean> {
    const t0 = performance.now();
    while (!check()) {
      if (!this.alive() || performance.now() - t0 > capMs) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return true;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** A full-text change with an explicit version. */
  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  completion(uri: string, position: { line: number; character: number }, capMs?: number) {
    return this.request('textDocument/completion', { textDocument: { uri }, position }, capMs);
  }

  hover(uri: string, position: { line: number; character: number }, capMs?: number) {
    return this.request('textDocument/hover', { textDocument: { uri }, position }, capMs);
  }

  pull(uri: string, capMs?: number) {
    return this.request<{ kind: string; items: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; code?: string }> }>(
      'textDocument/diagnostic',
      { textDocument: { uri } },
      capMs,
    );
  }

  /** Shut down politely (briefly), then kill. Always leaves no process behind. */
  async dispose(): Promise<void> {
    clearInterval(this.sampler);
    if (this.alive()) {
      const r = await this.request('shutdown', undefined, 500);
      if (r.status === 'answered') this.notify('exit', undefined);
      await Promise.race([this.exitedPromise, new Promise((r) => setTimeout(r, 500))]);
    }
    if (!this.exited) {
      this.proc.kill('SIGKILL');
      await Promise.race([this.exitedPromise, new Promise((r) => setTimeout(r, 2000))]);
    }
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
  }
}

/** Start a server, initialize it, and (optionally) wait for its first registry load. */
export async function startServer(opts: StartOptions & { waitRegistryMs?: number } = {}): Promise<{ server: LspServer; registryLoaded: boolean; init: Outcome }> {
  const server = new LspServer(opts);
  const init = await server.initialize(opts);
  const wait = opts.waitRegistryMs ?? 10_000;
  const registryLoaded = wait > 0 ? await server.waitFor(() => server.registryChanges() > 0, wait) : false;
  return { server, registryLoaded, init };
}
