/** Attack 7: 520 and 2,000 `allow` globs (the glob cache holds 500): one diagnostics pull each within 1.5 s. */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, fmtMs, tempDir } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

/** An ordinary-sized module (~25 kB): 400 model names, known ones and typos. */
function source(): string {
  const names = ['gpt-4o-mini', 'azure__openai__gpt_4o_mini', 'claude-3-5-sonnet-20240620', 'azure__openai__gpt_4o_minii', 'gemini-1.5-pro', 'google__gemini_2_5_flashh'];
  const out: string[] = [];
  for (let i = 0; i < 400; i++) out.push(`r${i} = client.chat.completions.create(model="${names[i % names.length]}", max_tokens=256)`);
  return out.join('\n') + '\n';
}

for (const count of [520, 2000]) {
  test(`7. ${count} allow globs: pull within 1.5 s`, { timeout: 60_000 }, async () => {
    const c = new Case('7', `${count} \`allow\` globs, pull on a 400-name file`, '1.5 s');
    const ws = tempDir(`allow${count}`);
    const allow = Array.from({ length: count }, (_, i) => `azure__openai__private_${i}_*`);
    const { server } = await startServer({ folders: [ws], settings: { allow } });
    try {
      const uri = pathToFileURL(path.join(ws, 'app.py')).toString();
      server.open(uri, 'python', source());
      const o = await server.pull(uri, 8000);
      c.main(o, 1500, 8000, 'pull diagnostics');
      c.finish(server, o.status === 'answered' && !o.error ? `${o.result?.items.length} diagnostics, ${fmtMs(o.ms, 8000)}` : Case.describe(o, 8000));
    } finally {
      await server.dispose();
    }
  });
}
