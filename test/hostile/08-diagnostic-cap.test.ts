/** Attack 8: 2 MB of wrong names, one Box-shaped typo a line: the answer is capped (≤ 1,001 items) and within 1.5 s. */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, fmtMs, readText, tempDir, writeBig } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

test('8. 2 MB of typos: at most 1,001 diagnostics, within 1.5 s', { timeout: 60_000 }, async () => {
  const c = new Case('8', '2 MB Python, one Box-shaped typo a line (`m = "azure__openai__gpt_4o_minii"`)', '1.5 s, ≤ 1,001 items');
  const ws = tempDir('typos');
  const file = path.join(ws, 'typos.py');
  // Just under modelLens.maxFileSize (2,097,152), so the file is checked.
  writeBig(file, 2 * 1024 * 1024 - 64, () => 'm = "azure__openai__gpt_4o_minii"\n');
  const { server } = await startServer({ folders: [ws] });
  try {
    const uri = pathToFileURL(file).toString();
    server.open(uri, 'python', readText(file));
    const o = await server.pull(uri, 10_000);
    c.main(o, 1500, 10_000, 'pull diagnostics');
    const n = o.result?.items.length ?? 0;
    if (o.status === 'answered' && !o.error && n > 1001) c.problem(`${n} diagnostics (${(o.bytes / 1e6).toFixed(1)} MB of JSON), cap 1,001`);
    c.finish(server, o.status === 'answered' && !o.error ? `${n} diagnostics, ${(o.bytes / 1e6).toFixed(1)} MB JSON, ${fmtMs(o.ms, 10_000)}` : Case.describe(o, 10_000));
  } finally {
    await server.dispose();
  }
});
