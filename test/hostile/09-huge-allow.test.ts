/** Attack 9: one `allow` entry of 10 MB (a glob, so it is compiled): a pull must not fail. */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, fmtMs, tempDir } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

test('9. one 10 MB allow glob: the pull answers without an error, within 1.5 s', { timeout: 60_000 }, async () => {
  const c = new Case('9', 'one `allow` glob of 10 MB (`azure__openai__xxxx…*`)', '1.5 s, no error');
  const ws = tempDir('allow10mb');
  const entry = 'azure__openai__' + 'x'.repeat(10 * 1024 * 1024) + '*';
  const { server } = await startServer({ folders: [ws], settings: { allow: [entry] } });
  try {
    const uri = pathToFileURL(path.join(ws, 'app.py')).toString();
    server.open(uri, 'python', 'client.ai.ask(model="azure__openai__gpt_4o_minii")\n');
    const o = await server.pull(uri, 8000);
    c.main(o, 1500, 8000, 'pull diagnostics');
    c.finish(server, o.status === 'answered' && !o.error ? `${o.result?.items.length} diagnostic(s), ${fmtMs(o.ms, 8000)}` : Case.describe(o, 8000));
  } finally {
    await server.dispose();
  }
});
