/**
 * Attack 14: while the server checks a large file (2 MB, dense with names, the default maxFileSize), hovers
 * sent every 20 ms are still answered quickly: the check runs in slices and lets other requests in.
 */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, fmtMs, readText, tempDir, writeBig } from './lib/harness';
import { startServer, type Outcome } from './lib/lsp';

after(cleanup);

const LINE = 'client.chat.completions.create(model="gpt-4o-minii", max_tokens=100)  # see gpt-4.1\nx = {"model": "claude-3-haiku-20240307", "n": 3}\n';

test('14. hovers during the pull of a 2 MB Python file: each within 250 ms', { timeout: 60_000 }, async () => {
  const c = new Case('14', 'hovers every 20 ms during the pull of a 2 MB file dense with names', '250 ms per hover');
  const ws = tempDir('responsive');
  const file = path.join(ws, 'dense.py');
  writeBig(file, 2_000_000, () => LINE);
  const uri = pathToFileURL(file).toString();
  const { server } = await startServer({ folders: [ws] });
  try {
    server.open(uri, 'python', readText(file));
    const pull = server.pull(uri, 15_000);
    const hovers: Array<Promise<Outcome>> = [];
    let done = false;
    void pull.then(() => (done = true));
    while (!done && hovers.length < 200) {
      hovers.push(server.hover(uri, { line: 2 * hovers.length, character: 40 }, 5000));
      await new Promise((r) => setTimeout(r, 20));
    }
    const p = await pull;
    c.main(p, 15_000, 15_000, 'the pull');
    const answered = await Promise.all(hovers);
    const slowest = answered.reduce((m, o) => Math.max(m, o.status === 'answered' ? o.ms : Infinity), 0);
    for (const o of answered) c.timed(o, 250, 'a hover during the pull');
    c.finish(server, `pull ${Case.describe(p, 15_000)} (${p.result?.items.length ?? 0} items); ${answered.length} hovers during it, slowest ${fmtMs(Number.isFinite(slowest) ? slowest : null, 5000)}`);
  } finally {
    await server.dispose();
  }
});
