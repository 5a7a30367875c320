/** Attack 5: completion in 10 MB and 50 MB Python files full of model strings. */
import { after, test } from 'node:test';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, tempDir } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

const MB = 1024 * 1024;
const LINES = [
  'resp = client.chat.completions.create(model="gpt-4o-mini", max_tokens=512)\n',
  'agent = {"type": "ai_agent_ask", "basic_text": {"model": "azure__openai__gpt_4o_mini"}}\n',
  'msg = anthropic.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=1024)\n',
  'emb = client.embeddings.create(model="text-embedding-3-small", input=text)\n',
];
const BLOCK = LINES.join('');
const TARGET = 'answer = client.chat.completions.create(model="gpt-4o-m")\n';

for (const mb of [10, 50]) {
  test(`5. completion in a ${mb} MB Python file: within 1.5 s, RSS < 600 MB`, { timeout: 60_000 }, async () => {
    const c = new Case('5', `completion in a ${mb} MB Python file (cursor mid-file)`, '1.5 s');
    const ws = tempDir(`big${mb}`);
    const file = path.join(ws, `big${mb}.py`);
    const half = Math.floor((mb * MB) / 2 / BLOCK.length);
    // Built once as a string: it has to be sent in didOpen anyway (~ the file's size in the runner).
    let text: string | null = BLOCK.repeat(half) + TARGET + BLOCK.repeat(half);
    writeFileSync(file, text);
    const line = half * LINES.length;
    const { server } = await startServer({ folders: [ws] });
    try {
      const uri = pathToFileURL(file).toString();
      server.open(uri, 'python', text);
      text = null;
      const o = await server.completion(uri, { line, character: TARGET.indexOf('-m")') + 2 }, 6000);
      c.main(o, 1500, 6000, 'completion');
      const r = o.result as { items?: unknown[] } | unknown[] | null | undefined;
      const n = Array.isArray(r) ? r.length : r?.items?.length ?? 0;
      c.finish(server, o.status === 'answered' && !o.error ? `${n} items, ${Case.describe(o, 6000)}` : Case.describe(o, 6000));
    } finally {
      await server.dispose();
    }
  });
}
