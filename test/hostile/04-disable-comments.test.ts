/** Attack 4: an 800 kB Python file of alternating `# model-lens-disable` / `# model-lens-enable` lines and model strings. */
import { after, test } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, fmtMs, readText, tempDir, writeBig } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

const GROUP = ['# model-lens-disable', 'm = "azure__openai__gpt_4o_minii"', '# model-lens-enable', 'n = "azure__openai__gpt_4o_minii"', ''].join('\n');

function makeFile(tag: string): { ws: string; uri: string; text: string } {
  const ws = tempDir(tag);
  const file = path.join(ws, 'suppressed.py');
  writeBig(file, 800 * 1000, () => GROUP);
  return { ws, uri: pathToFileURL(file).toString(), text: readText(file) };
}

test('4a. 800 kB of alternating disable/enable comments: pull within 1.5 s', { timeout: 30_000 }, async () => {
  const c = new Case('4a', '800 kB Python, alternating `# model-lens-disable`/`enable` + names: pull', '1.5 s');
  const { ws, uri, text } = makeFile('disable');
  const { server } = await startServer({ folders: [ws] });
  try {
    server.open(uri, 'python', text);
    const o = await server.pull(uri, 8000);
    c.main(o, 1500, 8000, 'pull diagnostics');
    c.finish(server, o.status === 'answered' && !o.error ? `${o.result?.items.length} diagnostics, ${fmtMs(o.ms, 8000)}, ${(o.bytes / 1e6).toFixed(1)} MB` : Case.describe(o, 8000));
  } finally {
    await server.dispose();
  }
});

test('4b. $/cancelRequest for a pending pull on that file: a hover still answers within 1.5 s', { timeout: 30_000 }, async () => {
  const c = new Case('4b', 'same file: pull, `$/cancelRequest` for it, then hover', '1.5 s (hover)');
  const { ws, uri, text } = makeFile('cancel');
  const { server } = await startServer({ folders: [ws] });
  try {
    server.open(uri, 'python', text);
    const pull = server.pull(uri, 8000);
    server.notify('$/cancelRequest', { id: pull.id });
    const hover = await server.hover(uri, { line: 1, character: 10 }, 8000);
    c.main(hover, 1500, 8000, 'hover after a cancelled pull');
    const p = await pull;
    const pullWas = p.status !== 'answered' ? p.status : p.error ? `error ${p.error.code}` : `answered in full (${p.result?.items.length} items, ${fmtMs(p.ms, 8000)})`;
    if (p.status === 'answered' && p.error && p.error.code !== -32800) c.problem(`the cancelled pull answered error ${p.error.code} ${p.error.message.slice(0, 100)}`);
    c.finish(server, `hover ${Case.describe(hover, 8000)}; the pull: ${pullWas}`);
  } finally {
    await server.dispose();
  }
});
