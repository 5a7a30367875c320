/**
 * Attack 6: `cardPaths` naming special files and whole trees: /proc/kmsg (blocks when read; reading it as root
 * consumes kernel log messages), /proc, /, /proc/self/pagemap (size 0, endless content).
 * `modelLens/reload` must answer within 1.5 s (the root of the disk is not walked, and says so), a hover sent during the
 * reload within 1 s, the server stay alive, RSS < 600 MB.
 */
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, tempDir } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

for (const [p, budgetMs] of [['/proc/kmsg', 1500], ['/proc', 1500], ['/', 1500], ['/proc/self/pagemap', 1500]] as const) {
  test(`6. cardPaths ["${p}"]: modelLens/reload within ${budgetMs / 1000} s, a hover meanwhile within 1 s, alive, RSS < 600 MB`, { timeout: 60_000 }, async () => {
    const c = new Case('6', `cardPaths \`${p}\`, then \`modelLens/reload\``, `${budgetMs / 1000} s`);
    const ws = tempDir('special');
    // The first load (on `initialized`) is given 3 s, not required: the reload request is what is measured.
    const { server, registryLoaded } = await startServer({ folders: [ws], settings: { cardPaths: [p] }, waitRegistryMs: 3000 });
    try {
      const uri = pathToFileURL(path.join(ws, 'a.py')).href;
      server.open(uri, 'python', 'model = "gpt-4o-mini"\n');
      const reload = server.request<{ userCards: number }>('modelLens/reload', null, 2 * budgetMs);
      const hover = await server.hover(uri, { line: 0, character: 12 }, 5000);
      c.timed(hover, 1000, 'a hover during the reload');
      const o = await reload;
      c.main(o, budgetMs, 2 * budgetMs, 'modelLens/reload');
      const extra = o.status === 'answered' && !o.error ? `, ${o.result?.userCards} user card(s)` : '';
      c.finish(server, `first load ${registryLoaded ? 'done' : 'not done in 3 s'}; reload ${Case.describe(o, 2 * budgetMs)}${extra}; hover ${Case.describe(hover, 5000)}`);
    } finally {
      await server.dispose();
    }
  });
}
