/**
 * Costs seen by an editor: `node dist/server.js --stdio` spawned and driven over JSON-RPC. Completion round trips
 * with the shipped registry and with a folder of 10,000 cards, the time to load that folder (against a plain read of
 * the same files), resident memory, diagnostics of 1 MB of JSON (a full open and a one-character edit), and the time from
 * spawning the server to the first diagnostics of a file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspServer } from '../test/hostile/lib/lsp';
import { inOrder } from '../server/src/util/pool';
import { completionPoint, JSON_1MB, summarize, TYPICAL, type Timing } from './inProcess';
import { regexFloor } from './floor';
import { writeCards } from './synthetic';

export interface StdioSize {
  models: number;
  completion: Timing;
  completionBytes: number;
  rssAfterLoadMB: number;
  /** Once the server has been idle for a while after the load (it collects again then, see `collectWhenQuiet`). */
  rssAtRestMB: number;
  rssAfterWorkMB: number;
}

/** How long the server is left idle after a load before its memory at rest is read. */
const AT_REST_MS = 12_000;

export interface StdioResult {
  shipped: StdioSize;
  large: StdioSize;
  /** From spawning the server with the card folder set to the registry holding every card, over {@link LOADS} spawns. */
  load: Timing;
  /** Reading the same card files with a plain parallel read, in this process. */
  plainReadMs: number;
  openJson: Timing;
  /** The regex floor over the same JSON, in this process, timed in the same rounds as the opens (one before each). */
  floorJson: Timing;
  editJson: Timing;
  /** From spawning the server to the first diagnostics of a small Python file, and from spawning Node to its exit. */
  startup: Timing;
  nodeStartup: Timing;
}

/** How many times the server, and Node alone, are started to time it. */
export const STARTS = 7;
/** How many times the server is started with the card folder to time its loading. */
export const LOADS = 5;

/** Current resident memory of a process, MB. */
function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
}

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Has the server said that its registry holds `cards` cards of the user's? */
async function loaded(server: LspServer, cards: number): Promise<void> {
  const done = () => server.notifications.some((n) => n.method === 'modelLens/registryChanged' && ((n.params as { userCards?: number }).userCards ?? 0) >= cards);
  if (!(await server.waitFor(done, 60_000))) throw new Error('the card folder did not load within 60 s');
}

/** From spawning the server with a card folder to its registry holding every card, {@link LOADS} times. */
async function loads(workspace: string, cardFolder: string, cards: number): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const t0 = performance.now();
    const server = new LspServer({ folders: [workspace], settings: { cardPaths: [cardFolder] } });
    try {
      await server.initialize({ folders: [workspace], settings: { cardPaths: [cardFolder] } });
      await loaded(server, cards);
      times.push(performance.now() - t0);
    } finally {
      await server.dispose();
    }
  }
  return summarize(times);
}

async function session(workspace: string, cardFolder: string | null, cards: number): Promise<StdioSize> {
  const server = new LspServer({ folders: [workspace], settings: cardFolder ? { cardPaths: [cardFolder] } : {} });
  try {
    await server.initialize({ folders: [workspace], settings: cardFolder ? { cardPaths: [cardFolder] } : {} });
    if (cardFolder) await loaded(server, cards);
    const status = await server.request<{ models: number }>('modelLens/status', null);
    await new Promise((r) => setTimeout(r, 300)); // let the load's garbage go
    const rssAfterLoadMB = rssMB(server.pid);
    await new Promise((r) => setTimeout(r, AT_REST_MS - 300));
    const rssAtRestMB = rssMB(server.pid);
    const uri = pathToFileURL(path.join(workspace, 'agent.py')).href;
    server.open(uri, 'python', TYPICAL);
    const at = position(TYPICAL, completionPoint(TYPICAL));
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 220; i++) {
      // An edit before each request, as typing does, so that nothing is answered from a cache of the last one.
      server.change(uri, i + 2, TYPICAL);
      const o = await server.completion(uri, at, 5000);
      if (o.status !== 'answered' || o.error) throw new Error(`completion failed: ${o.status} ${o.error?.message ?? ''}`);
      if (i >= 20) times.push(o.ms);
      bytes = o.bytes;
    }
    for (let i = 0; i < 20; i++) await server.pull(uri, 10_000);
    const rssAfterWorkMB = rssMB(server.pid);
    return { models: status.result?.models ?? 0, completion: summarize(times), completionBytes: bytes, rssAfterLoadMB, rssAtRestMB, rssAfterWorkMB };
  } finally {
    await server.dispose();
  }
}

async function plainRead(folder: string): Promise<number> {
  const files = readdirSync(folder).map((f) => path.join(folder, f));
  const t0 = performance.now();
  await inOrder(files, 16, (f) => fs.readFile(f, 'utf8'), () => true);
  return performance.now() - t0;
}

/** How many times 1 MB of JSON is opened (the first, a warm-up, is not counted). */
const OPENS = 12;

/**
 * A full open and pull of 1 MB of JSON, and a one-character edit and pull, each timed as a round trip; before each
 * open, the regex floor over the same text in this process (`names`: the shipped registry's), so that the two are
 * compared in the same rounds, whatever the machine is doing at the time.
 */
async function jsonEdits(workspace: string, names: ReadonlySet<string>): Promise<{ openJson: Timing; floorJson: Timing; editJson: Timing }> {
  const server = new LspServer({ folders: [workspace] });
  try {
    await server.initialize({ folders: [workspace] });
    const open: number[] = [];
    const floor: number[] = [];
    const edit: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const uri = pathToFileURL(path.join(workspace, `config-${i}.json`)).href;
      const f0 = performance.now();
      regexFloor(JSON_1MB, names);
      floor.push(performance.now() - f0);
      const t0 = performance.now();
      server.open(uri, 'json', JSON_1MB);
      await server.pull(uri, 20_000);
      open.push(performance.now() - t0);
      let text = JSON_1MB;
      for (let k = 0; k < 10; k++) {
        // Change one digit of a token limit somewhere in the middle.
        const at = text.indexOf('"num_tokens_for_completion":', Math.floor(text.length * (0.1 + k * 0.08))) + 28;
        text = `${text.slice(0, at)}${(Number(text[at]) + 1) % 10}${text.slice(at + 1)}`;
        // The change as an editor sends it, made before the clock starts: an editor knows where the cursor is, and
        // working out a line and column in 1 MB here costs this process a millisecond or two.
        const change = { range: { start: position(text, at), end: position(text, at + 1) }, text: text[at] };
        const t1 = performance.now();
        server.notify('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [change] });
        await server.pull(uri, 20_000);
        edit.push(performance.now() - t1);
      }
      server.notify('textDocument/didClose', { textDocument: { uri } });
    }
    return { openJson: summarize(open.slice(1)), floorJson: summarize(floor.slice(1)), editJson: summarize(edit.slice(10)) };
  } finally {
    await server.dispose();
  }
}

/** Spawning the server and pulling the diagnostics of a small file at once, as an editor opening a file does. */
async function startup(workspace: string): Promise<Timing> {
  const times: number[] = [];
  const uri = pathToFileURL(path.join(workspace, 'agent.py')).href;
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const server = new LspServer({ folders: [workspace] });
    try {
      await server.initialize({ folders: [workspace] });
      server.open(uri, 'python', TYPICAL);
      const o = await server.pull(uri, 20_000);
      if (o.status !== 'answered' || o.error) throw new Error(`the first pull failed: ${o.status}`);
      times.push(performance.now() - t0);
    } finally {
      await server.dispose();
    }
  }
  return summarize(times);
}

/** Node itself, started with nothing to do: the part of the startup no server can save. */
function nodeStartup(): Timing {
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** Everything above, in one run: `names`, the shipped registry's, for the floor the opens are compared with. */
export async function stdio(workspace: string, cards: number, names: ReadonlySet<string>): Promise<StdioResult> {
  const folder = path.join(workspace, 'cards');
  writeCards(folder, cards);
  const plainReadMs = Math.min(await plainRead(folder), await plainRead(folder));
  const shipped = await session(workspace, null, 0);
  const large = await session(workspace, folder, cards);
  const load = await loads(workspace, folder, cards);
  return { shipped, large, load, plainReadMs, ...(await jsonEdits(workspace, names)), startup: await startup(workspace), nodeStartup: nodeStartup() };
}
