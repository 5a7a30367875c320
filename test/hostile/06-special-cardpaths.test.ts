/**
 * Attack 6: `cardPaths` naming special files and whole trees: /proc/kmsg (blocks when read; reading it as root
 * consumes kernel log messages), /proc, /, /proc/self/pagemap (size 0, endless content).
 * `modelLens/reload` must answer within 3 s, the server stay alive, RSS < 600 MB.
 */
import { after, test } from 'node:test';
import { Case } from './lib/case';
import { cleanup, tempDir } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

for (const p of ['/proc/kmsg', '/proc', '/', '/proc/self/pagemap']) {
  test(`6. cardPaths ["${p}"]: modelLens/reload within 3 s, alive, RSS < 600 MB`, { timeout: 60_000 }, async () => {
    const c = new Case('6', `cardPaths \`${p}\`, then \`modelLens/reload\``, '3 s');
    const ws = tempDir('special');
    // The first load (on `initialized`) is given 3 s, not required: the reload request is what is measured.
    const { server, registryLoaded } = await startServer({ folders: [ws], settings: { cardPaths: [p] }, waitRegistryMs: 3000 });
    try {
      const o = await server.request<{ userCards: number }>('modelLens/reload', null, 6000);
      c.main(o, 3000, 6000, 'modelLens/reload');
      const extra = o.status === 'answered' && !o.error ? `, ${o.result?.userCards} user card(s)` : '';
      c.finish(server, `first load ${registryLoaded ? 'done' : 'not done in 3 s'}; reload ${Case.describe(o, 6000)}${extra}`);
    } finally {
      await server.dispose();
    }
  });
}
