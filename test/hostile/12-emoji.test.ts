/** Attack 12: a name right after an emoji must still be reported (a diagnostic covering the name). */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, tempDir } from './lib/harness';
import { startServer, type LspServer } from './lib/lsp';

after(cleanup);

const DOCS: Array<[string, string, string, string]> = [
  // [file, languageId, text, name]
  ['app.py', 'python', 'x = "😀gpt-4o-minii"\n', 'gpt-4o-minii'],
  ['notes.md', 'markdown', '# 😀azure__openai__gpt_4o_minii\n', 'azure__openai__gpt_4o_minii'],
];

async function covered(server: LspServer, uri: string, languageId: string, text: string, name: string) {
  server.open(uri, languageId, text);
  const o = await server.pull(uri, 5000);
  const at = text.indexOf(name); // UTF-16 offsets = LSP characters on line 0
  const hit = (o.result?.items ?? []).some((d) => d.range.start.line === 0 && d.range.end.line === 0 && d.range.start.character <= at && d.range.end.character >= at + name.length);
  return { o, hit };
}

for (const [file, languageId, text, name] of DOCS) {
  test(`12. ${JSON.stringify(text.trim())} (${languageId}): the typo is reported`, { timeout: 30_000 }, async () => {
    const c = new Case('12', `\`${text.trim()}\` (${languageId})`, '1.5 s, reported');
    const ws = tempDir('emoji');
    const { server } = await startServer({ folders: [ws] });
    try {
      const { o, hit } = await covered(server, pathToFileURL(path.join(ws, file)).toString(), languageId, text, name);
      c.main(o, 1500, 5000, 'pull diagnostics');
      // The same line without the emoji, as a control: it shows the name is one the server reports.
      const plain = text.replace('😀', '');
      const control = await covered(server, pathToFileURL(path.join(ws, `plain-${file}`)).toString(), languageId, plain, name);
      if (!hit) c.problem(`no diagnostic covers "${name}" (got ${JSON.stringify(o.result?.items.map((d) => d.range))})`);
      c.finish(server, `${hit ? 'reported' : 'NOT reported'} (${o.result?.items.length ?? 0} diagnostics); without the emoji: ${control.hit ? 'reported' : 'not reported'}`);
    } finally {
      await server.dispose();
    }
  });
}
