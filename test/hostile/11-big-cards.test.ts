/**
 * Attack 11: big cards. A 1.8 MB card opened in the editor and pulled twice (the second pull within 0.2 s);
 * a card with a 1 MB line in a cardPaths folder: hovers sent right after `initialized` answer within 1.5 s.
 */
import { after, test } from 'node:test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, DIST, readText, tempDir, writeBig } from './lib/harness';
import { LspServer, type Outcome } from './lib/lsp';

after(cleanup);

/** A real card of the project (the built-in GPT-4o mini card), found next to the build. */
const REAL = readFileSync(path.join(DIST, '..', 'data', 'cards', 'en', 'azure-openai-gpt-4o-mini-model-card.md'), 'utf8').replace(/azure__openai__gpt_4o_mini/g, 'azure__openai__gpt_4o_big');

test('11a. a 1.8 MB card opened in the editor, pulled twice: the second pull within 0.2 s', { timeout: 60_000 }, async () => {
  const c = new Case('11a', '1.8 MB card (didOpen markdown), pulled twice', '1.5 s, 2nd 0.2 s');
  const ws = tempDir('bigcard');
  const file = path.join(ws, 'big-model-card.md');
  // The card, its Model details table continued with short rows (`|n1|v|`), to 1.8 MB: the costliest table to parse per byte.
  writeBig(file, 1.8 * 1024 * 1024, (i) => `|n${i}|v|\n`, REAL);
  const server = new LspServer({ folders: [ws] });
  try {
    await server.initialize({ folders: [ws] });
    await server.waitFor(() => server.registryChanges() > 0, 10_000);
    const uri = pathToFileURL(file).toString();
    server.open(uri, 'markdown', readText(file));
    const first = await server.pull(uri, 8000);
    c.timed(first, 1500, 'first pull');
    const second = await server.pull(uri, 8000);
    c.main(second, 200, 8000, 'second pull (same version)');
    c.finish(server, `1st ${Case.describe(first, 8000)}, ${first.result?.items.length ?? '?'} items; 2nd ${Case.describe(second, 8000)}`);
  } finally {
    await server.dispose();
  }
});

const ONE_MB = 1024 * 1024;
/** [what, the card]: the real card with one 1 MB line added. */
const LINES: Array<[string, string]> = [
  ['a 1 MB prose line', REAL.replace('## Model details', `${'This model is fast and cheap. '.repeat(Math.ceil(ONE_MB / 30))}\n\n## Model details`)],
  ['a 1 MB "Empirical throughput" row (digits)', REAL.replace('| **85.4** |', `| ${'1'.repeat(ONE_MB)}x |`)],
];

for (const [what, card] of LINES) {
  test(`11b. a card with ${what} in cardPaths: hovers right after initialized answer within 1.5 s`, { timeout: 60_000 }, async () => {
    const c = new Case('11b', `card with ${what} in cardPaths; hovers from \`initialized\` on`, '1.5 s each');
    const ws = tempDir('longline');
    mkdirSync(path.join(ws, 'cards'));
    writeFileSync(path.join(ws, 'cards', 'long-line.md'), card);
    const server = new LspServer({ folders: [ws], settings: { cardPaths: ['cards'] } });
    try {
      const init = await server.initialize({ folders: [ws], settings: { cardPaths: ['cards'] } });
      c.timed(init, 5000, 'initialize');
      const uri = pathToFileURL(path.join(ws, 'app.py')).toString();
      server.open(uri, 'python', 'client.ai.ask(model="azure__openai__gpt_4o_mini")\n');
      // A hover right after `initialized`, then one every 100 ms for a second, while the card folder loads.
      const hovers: Array<Promise<Outcome>> = [];
      const t0 = performance.now();
      while (performance.now() - t0 < 1000) {
        hovers.push(server.hover(uri, { line: 0, character: 30 }, 5000));
        await new Promise((r) => setTimeout(r, 100));
      }
      const all = await Promise.all(hovers);
      const worst = all.reduce((a, b) => (b.status !== 'answered' || (a.status === 'answered' && b.ms > a.ms) ? b : a));
      c.main(worst, 1500, 5000, `the slowest of ${all.length} hovers`);
      const loaded = await server.waitFor(() => server.registryChanges() > 0, 1000);
      c.finish(server, `${all.length} hovers, slowest ${Case.describe(worst, 5000)}; card folder ${loaded ? 'loaded' : 'not loaded'} by then`);
    } finally {
      await server.dispose();
    }
  });
}
