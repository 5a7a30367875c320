/** Attack 1: one completion request on a 20 MB one-line JSON file of `[` (ten times modelLens.maxFileSize). */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, readText, tempDir, writeBig } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

const MB = 1024 * 1024;

test('1. completion on a 20 MB one-line JSON file of "[" answers within 1.5 s, RSS < 600 MB', { timeout: 60_000 }, async () => {
  const c = new Case('1', 'completion, 20 MB one-line JSON of `[` (cursor mid-line)', '1.5 s');
  const dir = tempDir('json');
  const file = path.join(dir, 'brackets.json');
  const size = writeBig(file, 20 * MB, () => '['.repeat(64 * 1024));
  const { server } = await startServer({ folders: [dir] });
  try {
    let text: string | null = readText(file);
    const uri = pathToFileURL(file).toString();
    server.open(uri, 'json', text);
    text = null;
    const o = await server.completion(uri, { line: 0, character: Math.floor(size / 2) }, 5000);
    c.main(o, 1500, 5000, 'completion');
    c.finish(server, Case.describe(o, 5000));
  } finally {
    await server.dispose();
  }
});
