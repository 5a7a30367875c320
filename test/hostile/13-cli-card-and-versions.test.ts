/**
 * Attack 13: the CLI given a 56 MB card must say it skipped it; a client that reuses a document version
 * (didChange with the same version, different text) must get diagnostics of the new text.
 */
import { after, test } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, DIST, fmtMs, runCli, tempDir, writeBig } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

const REAL = readFileSync(path.join(DIST, '..', 'data', 'cards', 'en', 'azure-openai-gpt-4o-mini-model-card.md'), 'utf8');

test('13a. `model-lens cards <56 MB card>` says it skipped the file', { timeout: 60_000 }, async () => {
  const c = new Case('13a', 'CLI `cards huge-card.md` (56 MB)', 'a message');
  const dir = tempDir('hugecard');
  const file = path.join(dir, 'huge-card.md');
  writeBig(file, 56 * 1024 * 1024, (i) => `Paragraph ${i} of notes about this model and how to call it.\n\n`, REAL);
  const r = await runCli(['cards', 'huge-card.md'], dir, 20_000);
  c.capMs = 20_000;
  c.ms = r.timedOut ? null : r.ms;
  c.rssMB = r.peakRssMB;
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.timedOut) c.problem('the CLI did not finish within 20 s');
  if (!/skip|too (?:large|big)|larger than|exceed|limit/i.test(out)) c.problem(`nothing says the file was skipped; output: ${JSON.stringify(out.trim().slice(-200))}`);
  c.finish(null, `exit ${r.code}, ${fmtMs(c.ms, 20_000)}; said: ${JSON.stringify(out.trim().split('\n').pop()?.slice(0, 90))}`);
});

test('13b. didChange reusing the version number: the next pull reflects the new text', { timeout: 30_000 }, async () => {
  const c = new Case('13b', 'didChange with the same version (1), different text, then pull', '1.5 s, fresh');
  const ws = tempDir('version');
  const { server } = await startServer({ folders: [ws] });
  try {
    const uri = pathToFileURL(path.join(ws, 'app.py')).toString();
    server.open(uri, 'python', 'm = "azure__openai__gpt_4o_minii"\n', 1);
    const before = await server.pull(uri, 5000);
    c.timed(before, 1500, 'first pull');
    const text2 = 'import os\nclient = make()\nresp = client.chat.completions.create(model="gpt-4o-minii")\n';
    server.change(uri, 1, text2);
    const o = await server.pull(uri, 5000);
    c.main(o, 1500, 5000, 'pull after the change');
    const items = o.result?.items ?? [];
    const at = text2.split('\n')[2].indexOf('gpt-4o-minii');
    const fresh = items.some((d) => d.range.start.line === 2 && d.range.start.character <= at && d.range.end.character >= at + 'gpt-4o-minii'.length);
    const stale = items.some((d) => d.range.start.line === 0);
    // Control: the new text opened as a new document is reported (so the name is one the server reports).
    const uri2 = pathToFileURL(path.join(ws, 'control.py')).toString();
    server.open(uri2, 'python', text2, 1);
    const control = await server.pull(uri2, 5000);
    const controlHit = (control.result?.items ?? []).some((d) => d.range.start.line === 2);
    if (!fresh) c.problem(`no diagnostic for "gpt-4o-minii" on line 3 of the new text (got ${JSON.stringify(items.map((d) => [d.range.start, d.message.slice(0, 40)]))})`);
    if (stale) c.problem('a diagnostic of the old text (line 1) is still reported');
    c.finish(server, `${fresh ? 'new text checked' : 'new text NOT checked'}${stale ? ', old diagnostics returned' : ''} (${items.length} diagnostics); control (new document): ${controlHit ? 'reported' : 'not reported'}`);
  } finally {
    await server.dispose();
  }
});
