/** Loading cards and catalogues from paths a cloned repository may choose: special files, /proc, loops, limits, cancellation, long cells. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { LOAD_LIMITS, LoadContext, type CancellationSignal } from '../../server/src/cards/context';
import { collectCardFiles, findDataFiles, matchesDataPattern, parseCardFiles, shortPath } from '../../server/src/cards/files';
import { MAX_NOTICES, Notices } from '../../server/src/cards/notices';
import { ReaderThread, readHere, type ReadRequest, type ThreadRead } from '../../server/src/cards/readerThread';
import { RegistryService } from '../../server/src/cards/service';
import { buildRegistry, MAX_CARD_BYTES, parseDocument } from '../../server/src/registry';
import { MAX_CATALOG_BYTES } from '../../server/src/registry/bulk/common';
import { cleanCell, parseDate, parseThroughput, parseTokenCount, parseYesNo } from '../../server/src/registry/normalize';
import { ROOT, shippedDocuments } from '../helpers';

const temps: string[] = [];
after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A fresh folder under the system's temp folder, removed after the tests. */
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-lens-loading-'));
  temps.push(dir);
  return dir;
}

function write(dir: string, rel: string, text: string): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const card = (name: string) => `# ${name}\n\n| Item | Value |\n|---|---|\n| Model name | ${name} |\n| API model name | \`${name}\` |\n| Model provider | Example |\n`;

/** Cards and notices for paths relative to `dir`, the way the CLI loads them. */
async function load(dir: string, paths: string[]): Promise<{ names: string[]; notices: string[] }> {
  const shown = (f: string) => shortPath([dir], f);
  const context = new LoadContext({ shown });
  const docs = await parseCardFiles(await collectCardFiles(paths.map((p) => path.resolve(dir, p)), context), shown, context);
  const names = docs.flatMap((d) => (d.kind === 'card' && d.facts.name?.value ? [d.facts.name.value] : []));
  return { names, notices: context.notices.list() };
}

const modelNames = (service: RegistryService) => service.registry.models.map((m) => m.name).sort();

test('FIFOs, in a card folder or named directly, are skipped at once with a notice', { timeout: 20_000 }, async () => {
  const dir = tempDir();
  write(dir, 'cards/real.md', card('aws__real'));
  execFileSync('mkfifo', [path.join(dir, 'cards', 'pipe.md')]);
  execFileSync('mkfifo', [path.join(dir, 'named')]);
  const t0 = Date.now();
  const { names, notices } = await load(dir, ['cards', 'named']);
  assert.ok(Date.now() - t0 < 5000);
  assert.deepEqual(names, ['aws__real']);
  assert.deepEqual(notices, [`skipped ${path.join('cards', 'pipe.md')}: not a regular file`, 'skipped named: not a regular file']);

  const service = new RegistryService([]);
  await service.configure({ cardPaths: ['named', 'cards'], catalogs: [] }, [dir]);
  assert.deepEqual(modelNames(service), ['aws__real']);
  assert.ok(service.status().notices.includes('skipped named: not a regular file'));
});

test('nothing under /proc or /dev is read, named directly or through a link', { skip: !existsSync('/proc/self/status') }, async () => {
  const dir = tempDir();
  symlinkSync('/proc/self/status', path.join(dir, 'status.md'));
  symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
  write(dir, 'real.md', card('aws__real'));
  const { names, notices } = await load(dir, ['.', '/proc/self/status', '/proc']);
  assert.deepEqual(names, ['aws__real']);
  assert.deepEqual(notices.sort(), [
    'skipped /proc/self/status: nothing under /proc is read',
    'skipped /proc: nothing under /proc is read',
    'skipped status.md: nothing under /proc is read',
    'skipped zero.md: nothing under /dev is read',
  ]);
});

test('links are followed, a link loop ends, and a file reached twice counts once', { timeout: 20_000 }, async () => {
  const dir = tempDir();
  write(dir, 'cards/a.md', card('aws__a'));
  write(dir, 'shared/b.md', card('aws__b'));
  symlinkSync('.', path.join(dir, 'cards', 'loop'));
  symlinkSync('..', path.join(dir, 'cards', 'up'));
  symlinkSync(path.join(dir, 'shared'), path.join(dir, 'cards', 'shared'));
  symlinkSync('a.md', path.join(dir, 'cards', 'again.md'));
  const files = await findDataFiles(dir, 'cards', 'card');
  assert.deepEqual(files.map((f) => path.relative(dir, f)).sort(), [path.join('cards', 'a.md'), path.join('cards', 'shared', 'b.md')]);
});

test('a tree deeper than the depth limit stops there, with one notice', async () => {
  const dir = tempDir();
  for (const branch of ['x', 'y']) {
    let rel = branch;
    for (let depth = 1; depth <= LOAD_LIMITS.depth + 2; depth++) {
      write(dir, path.join(rel, `c${depth}.md`), card(`aws__${branch}_${depth}`));
      rel = path.join(rel, String(depth));
    }
  }
  const context = new LoadContext();
  const files = await findDataFiles(dir, '.', 'card', context);
  // Branch folder x is 1 deep and holds c1.md; c(n) is in the folder n deep.
  assert.equal(files.length, 2 * LOAD_LIMITS.depth);
  assert.ok(files.some((f) => f.endsWith(`c${LOAD_LIMITS.depth}.md`)));
  assert.ok(!files.some((f) => f.endsWith(`c${LOAD_LIMITS.depth + 1}.md`)));
  assert.deepEqual(context.notices.list(), [`cardPaths: did not look more than ${LOAD_LIMITS.depth} folders deep`]);
});

test('more files than the limit: the first ones by name, one notice, and the other setting still loads', async () => {
  const dir = tempDir();
  const limits = { files: 300 };
  for (let i = 0; i < limits.files + 20; i++) write(dir, `many/c${String(i).padStart(5, '0')}.md`, '');
  write(dir, 'catalogs/one.json', '{}');
  const context = new LoadContext({ limits });
  const cards = await findDataFiles(dir, 'many', 'card', context);
  const catalogs = await findDataFiles(dir, 'catalogs', 'catalog', context);
  assert.equal(cards.length, limits.files);
  assert.equal(path.basename(cards[cards.length - 1]), `c${String(limits.files - 1).padStart(5, '0')}.md`);
  assert.equal(catalogs.length, 1);
  assert.deepEqual(context.notices.list(), ['cardPaths: stopped after 300 files']);
});

test('a folder with more entries than the limit is not listed past it, with one notice', async () => {
  const dir = tempDir();
  const limits = { entries: 500 };
  for (let i = 0; i < limits.entries + 10; i++) writeFileSync(path.join(dir, `f${i}.png`), '');
  const context = new LoadContext({ limits });
  assert.deepEqual(await findDataFiles(dir, '.', 'card', context), []);
  assert.deepEqual(context.notices.list(), ['cardPaths: stopped after 500 folder entries']);
});

test('12,000 cards in one folder all load, with no notice: the documented limits are well above that', { timeout: 120_000 }, async () => {
  assert.ok(LOAD_LIMITS.files >= 50_000 && LOAD_LIMITS.entries >= 100_000);
  const dir = tempDir();
  mkdirSync(path.join(dir, 'cards'));
  for (let i = 0; i < 12_000; i++) writeFileSync(path.join(dir, 'cards', `c${i}.md`), card(`aws__m${i}`));
  const service = new RegistryService([]);
  await service.configure({ cardPaths: ['cards'], catalogs: [] }, [dir]);
  assert.equal(service.registry.models.length, 12_000);
  assert.deepEqual(service.status().notices, []);
});

test('binary files are not parsed, notices stop at a count, and the root of a file system is not walked', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'program'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  for (let i = 0; i < MAX_NOTICES + 5; i++) truncateSync(write(dir, `big${String(i).padStart(2, '0')}.md`, ''), MAX_CARD_BYTES + 1);
  const { names, notices } = await load(dir, ['.']);
  assert.deepEqual(names, []);
  assert.equal(notices.length, MAX_NOTICES + 1);
  assert.equal(notices[MAX_NOTICES], '6 more files or limits not listed');
  assert.ok(notices.includes('skipped big00.md: 2.1 MB is over the 2 MB limit for a card'));
  // The file system root names every file below it (it already ends in a separator).
  assert.ok(matchesDataPattern('/', '', '/etc/x.md', 'card'));
  const { notices: one } = await load(dir, ['program']);
  assert.deepEqual(one, ['skipped program: not a text file']);
  const started = Date.now();
  const { names: none, notices: root } = await load(dir, ['/']);
  assert.ok(Date.now() - started < 1000);
  assert.deepEqual([none, root], [[], ['cardPaths: / is the root of a file system, which is not searched for cards']]);
});

test('oversized cards and catalogues are skipped with their size and the limit; an empty file is simply empty', async () => {
  const dir = tempDir();
  truncateSync(write(dir, 'big.md', ''), 56 * 1024 * 1024);
  truncateSync(write(dir, 'big.json', ''), MAX_CATALOG_BYTES + 1);
  write(dir, 'empty.md', '');
  write(dir, 'ok.md', card('aws__ok'));
  const shown = (f: string) => path.basename(f);
  const context = new LoadContext({ shown });
  const docs = await parseCardFiles(['big.md', 'big.json', 'empty.md', 'ok.md'].map((f) => path.join(dir, f)), shown, context);
  assert.deepEqual(docs.map((d) => [d.file, d.kind]), [['empty.md', 'unknown'], ['ok.md', 'card']]);
  const mb = MAX_CATALOG_BYTES / 1024 / 1024;
  assert.deepEqual(context.notices.list(), [
    `skipped big.md: 56 MB is over the ${MAX_CARD_BYTES / 1024 / 1024} MB limit for a card`,
    // A byte over is shown rounded up, never as the limit itself.
    `skipped big.json: ${mb + 1} MB is over the ${mb} MB limit for a catalogue`,
  ]);
});

test("the registry's status lists the last reload's notices, each once, named from the workspace folder", async () => {
  const dir = tempDir();
  truncateSync(write(dir, 'cards/big.md', ''), MAX_CARD_BYTES + 1);
  write(dir, 'cards/ok.md', card('aws__ok'));
  const service = new RegistryService([]);
  await service.configure({ cardPaths: ['cards', 'cards/**/*.md'], catalogs: [] }, [dir]);
  assert.deepEqual(modelNames(service), ['aws__ok']);
  assert.deepEqual(service.status().notices, [`skipped ${path.join('cards', 'big.md')}: 2.1 MB is over the 2 MB limit for a card`]);
  rmSync(path.join(dir, 'cards', 'big.md'));
  assert.equal(await service.reload(), true);
  assert.deepEqual(service.status().notices, []);
});

test('a cancelled or superseded reload leaves the previous registry in place', async () => {
  const dir = tempDir();
  write(dir, 'cards/a.md', card('aws__a'));
  const service = new RegistryService([]);
  await service.configure({ cardPaths: ['cards'], catalogs: [] }, [dir]);
  assert.deepEqual(modelNames(service), ['aws__a']);
  write(dir, 'cards/b.md', card('aws__b'));
  truncateSync(write(dir, 'cards/big.md', ''), MAX_CARD_BYTES + 1);

  assert.equal(await service.reload({ isCancellationRequested: true }), false);
  let checks = 0;
  const later: CancellationSignal = {
    get isCancellationRequested() {
      return ++checks > 2;
    },
  };
  assert.equal(await service.reload(later), false);
  assert.ok(checks > 2, 'the signal was looked at while loading');
  assert.deepEqual(modelNames(service), ['aws__a']);
  assert.deepEqual(service.status().notices, []);

  const first = service.reload();
  const second = service.reload();
  assert.deepEqual(await Promise.all([first, second]), [false, true]);
  assert.deepEqual(modelNames(service), ['aws__a', 'aws__b']);
  assert.equal(service.status().notices.length, 1);
});

/** One cell or line of `n` characters of each kind. */
const longFills = (n: number): Record<string, string> => ({
  digits: '1'.repeat(n),
  'digits then text': `${'1'.repeat(n)}x`,
  spaces: `1${' '.repeat(n)}x`,
  dashes: '-'.repeat(n),
  pipes: '|'.repeat(n),
  brackets: '<'.repeat(n),
  'digit, space': '1 '.repeat(n / 2),
});

test('one long cell or line (up to 1 MB of digits, spaces, dashes, pipes, brackets) parses in well under a second', { timeout: 120_000 }, () => {
  // Growing sizes, so that a quadratic parser fails at a small one in seconds instead of blocking for minutes at 1 MB.
  for (const [name, fill] of [30_000, 100_000, 1_000_000].flatMap((n) => Object.entries(longFills(n)).map(([k, v]) => [`${n} ${k}`, v]))) {
    const timed = (what: string, f: () => unknown) => {
      const t0 = performance.now();
      f();
      const ms = performance.now() - t0;
      assert.ok(ms < 1000, `${what} of ${name}: ${ms.toFixed(0)} ms`);
    };
    for (const parse of [cleanCell, parseThroughput, parseTokenCount, parseDate, parseYesNo]) timed(parse.name, () => parse(fill));
    for (const row of ['Empirical throughput', 'API model name', 'Input context window', 'Release date']) {
      timed(`the ${row} row`, () => parseDocument('x.md', `# T\n\n| Item | Value |\n|---|---|\n| API model name | \`aws__x\` |\n| ${row} | ${fill} |\n`));
    }
    timed('a front matter line', () => parseDocument('x.md', `---a${fill}x\nb: 1\n---\n| API model name | \`aws__x\` |\n`));
    timed('a table line', () => parseDocument('x.md', `| API model name | \`aws__x\` |\n|${fill}\n`));
  }
  // The same answers as before on ranges and numbers.
  assert.deepEqual(parseThroughput(`${'1'.repeat(1_000_000)}x`), { kind: 'bad' });
  assert.deepEqual(parseThroughput(`${'1'.repeat(1_000_000)} - 2`), { kind: 'none' });
  assert.deepEqual(parseThroughput('Estimated between 163.5 to 300'), { kind: 'none' });
});

const INDEX = path.join(ROOT, 'out', 'registry-index.json');

test('the CLI says on stderr, once each, what it skipped: `cards` and the cards of `check`', { skip: !existsSync(INDEX) && 'needs the compiled registry (npm run build)', timeout: 60_000 }, async () => {
  const dir = tempDir();
  const cli = path.join(dir, 'cli.js');
  // Bundled here, as the build does, so the test runs the CLI from these sources (dist/ may be older).
  await build({
    entryPoints: [path.join(ROOT, 'server', 'src', 'cli', 'main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'error',
    logOverride: { 'direct-eval': 'silent' },
    plugins: [{ name: 'builtin-index', setup: (b) => b.onResolve({ filter: /^model-lens:builtin-index$/ }, () => ({ path: INDEX })) }],
  });
  const project = path.join(dir, 'project');
  truncateSync(write(project, 'cards/big.md', ''), 56 * 1024 * 1024);
  write(project, 'cards/ok.md', card('aws__ok'));
  write(project, '.vscode/settings.json', '{ "modelLens.cardPaths": ["cards", "cards/*.md"] }');
  write(project, 'a.py', 'x = 1\n');
  const expected = `model-lens: skipped ${path.join('cards', 'big.md')}: 56 MB is over the 2 MB limit for a card`;
  for (const args of [['cards', 'cards'], ['check', 'a.py']]) {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8' });
    assert.equal(r.stderr.split('\n').filter((l) => l === expected).length, 1, `${args[0]}: ${r.stderr}`);
  }
});

test('the reader thread and the reading in this thread (where no worker can run) refuse and read alike', { timeout: 20_000 }, async () => {
  const dir = tempDir();
  const ok = write(dir, 'ok.md', card('aws__ok'));
  const big = write(dir, 'big.md', '');
  truncateSync(big, 5000);
  const binary = path.join(dir, 'bin.md');
  writeFileSync(binary, Buffer.from([65, 0, 66]));
  const fifo = path.join(dir, 'pipe.md');
  execFileSync('mkfifo', [fifo]);
  const requests = [ok, big, binary, fifo, path.join(dir, 'gone.md'), ...(existsSync('/proc/self/status') ? ['/proc/self/status'] : [])].map((p) => ({ path: p, limit: 4096 }));
  const here = await Promise.all(requests.map(readHere));
  const readAll = async (reqs: ReadRequest[]) => {
    const got: ThreadRead[] = [];
    await new ReaderThread().readAll(reqs, (reads) => got.push(...reads) > 0);
    return got;
  };
  const thread = await readAll(requests);
  const shape = (r: ThreadRead) => (r.ok === true ? { ok: true, text: r.text, size: r.size } : r);
  assert.deepEqual(thread.map(shape), here.map(shape));
  assert.deepEqual(here.map((r) => (r.ok === true ? 'read' : r.ok === 'same' ? 'same' : r.reason)), ['read', 'too-big', 'binary', 'special', 'missing', ...(existsSync('/proc/self/status') ? ['system'] : [])]);
  // Unchanged since it was read: not read again.
  const st = statSync(ok);
  const again = await readAll([{ path: ok, limit: 4096, before: { size: st.size, mtimeMs: st.mtimeMs } }]);
  assert.deepEqual(again, [{ ok: 'same' }]);
  assert.deepEqual(await readHere({ path: ok, limit: 4096, before: { size: st.size, mtimeMs: st.mtimeMs } }), { ok: 'same' });
});

test('notices past the count are each counted once', () => {
  const notices = new Notices();
  for (let round = 0; round < 2; round++) for (let i = 0; i < MAX_NOTICES + 3; i++) notices.add({ kind: 'special', file: `f${i}` });
  const list = notices.list();
  assert.equal(list.length, MAX_NOTICES + 1);
  assert.equal(list[MAX_NOTICES], '3 more files or limits not listed');
});

test('a card table of thousands of rows: the first 2,000 are read, with one warning where reading stopped', () => {
  const rows = Array.from({ length: 2500 }, (_, i) => `| note ${i} | x |`).join('\n');
  const doc = parseDocument('big.md', `${card('aws__big')}${rows}\n`);
  assert.equal(doc.kind, 'card');
  assert.equal(doc.kind === 'card' ? doc.facts.name?.value : null, 'aws__big');
  const warnings = doc.diagnostics.filter((d) => d.severity === 'warning');
  // The table starts on line 2 (its header counts as a row): its 2,001st row is on line 2,003.
  assert.deepEqual(warnings.map((d) => [d.code, d.line]), [['card-bad-value', 2003]]);
});

test("the built-in data's model count: the compiled index's equals its registry's, and a service counts the same without it", async () => {
  const index = JSON.parse(readFileSync(path.join(ROOT, 'out', 'registry-index.json'), 'utf8')) as { models: number };
  const docs = shippedDocuments();
  const built = buildRegistry([docs]).models.length;
  assert.equal(index.models, built);
  // Given the count, the service answers it; not given, it counts it, before and after a load of cards.
  assert.equal(new RegistryService(docs, { label: 'x', date: null, models: index.models }).status().builtinModels, built);
  const counting = new RegistryService(docs);
  assert.equal(counting.status().builtinModels, built);
  // Configured with a folder of no cards: the registry it counts from is the built-in data's.
  const empty = new RegistryService(docs);
  await empty.configure({ cardPaths: ['none'], catalogs: [] }, [tempDir()]);
  assert.equal(empty.status().builtinModels, built);
  const dir = tempDir();
  mkdirSync(path.join(dir, 'cards'));
  writeFileSync(path.join(dir, 'cards', 'a.md'), '# a\n\n| Item | Value |\n|---|---|\n| API model name | `aws__counted_model` |\n');
  await counting.configure({ cardPaths: ['cards'], catalogs: [] }, [dir]);
  const status = counting.status();
  assert.equal(status.builtinModels, built);
  assert.equal(status.models, built + 1);
});
