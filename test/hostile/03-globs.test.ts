/** Attack 3: backtracking globs in `allow`, `exclude` and a .gitignore read by the CLI. */
import { after, test } from 'node:test';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Case } from './lib/case';
import { cleanup, fmtMs, runCli, tempDir } from './lib/harness';
import { startServer } from './lib/lsp';

after(cleanup);

const ALLOW = '*a*a*a*a*a*a*a*a*a*a*b';
const EXCLUDE = '**/a*a*a*a*a*a*a*a*b';
/** A 40-character Box-shaped name of `a`s. */
const NAME = 'azure__openai__' + 'a'.repeat(40 - 'azure__openai__'.length);
const A56 = 'a'.repeat(56);

test(`3a. allow ["${ALLOW}"] with a 40-character Box-shaped name of a's: pull within 1.5 s`, { timeout: 30_000 }, async () => {
  const c = new Case('3a', `allow \`${ALLOW}\`, value \`${NAME.slice(0, 18)}…\` (40 chars)`, '1.5 s');
  const ws = tempDir('allow-glob');
  const { server } = await startServer({ folders: [ws], settings: { allow: [ALLOW] } });
  try {
    const uri = pathToFileURL(path.join(ws, 'app.py')).toString();
    server.open(uri, 'python', `client.ai.ask(model="${NAME}")\n`);
    const o = await server.pull(uri, 5000);
    c.main(o, 1500, 5000, 'pull diagnostics');
    c.finish(server, o.status === 'answered' && !o.error ? `${o.result?.items.length} diagnostic(s), ${fmtMs(o.ms, 5000)}` : Case.describe(o, 5000));
  } finally {
    await server.dispose();
  }
});

test(`3b. exclude ["${EXCLUDE}"] with a file named 56 a's: pull within 1.5 s`, { timeout: 30_000 }, async () => {
  const c = new Case('3b', `exclude \`${EXCLUDE}\`, file name of 56 \`a\`s`, '1.5 s');
  const ws = tempDir('exclude-glob');
  const { server } = await startServer({ folders: [ws], settings: { exclude: [EXCLUDE] } });
  try {
    const uri = pathToFileURL(path.join(ws, A56)).toString();
    server.open(uri, 'python', 'client.ai.ask(model="azure__openai__gpt_4o_minii")\n');
    const o = await server.pull(uri, 5000);
    c.main(o, 1500, 5000, 'pull diagnostics');
    c.finish(server, o.status === 'answered' && !o.error ? `${o.result?.items.length} diagnostic(s), ${fmtMs(o.ms, 5000)}` : Case.describe(o, 5000));
  } finally {
    await server.dispose();
  }
});

test(`3c. CLI check with .gitignore "${EXCLUDE}" and a file named 56 a's: done within 2 s`, { timeout: 30_000 }, async () => {
  const c = new Case('3c', `CLI \`check .\`, .gitignore \`${EXCLUDE}\`, file of 56 \`a\`s`, '2 s');
  const dir = tempDir('gitignore-glob');
  writeFileSync(path.join(dir, '.gitignore'), `${EXCLUDE}\n`);
  writeFileSync(path.join(dir, A56), 'client.ai.ask(model="azure__openai__gpt_4o_minii")\n');
  writeFileSync(path.join(dir, `${A56}.py`), 'client.ai.ask(model="azure__openai__gpt_4o_minii")\n');
  const r = await runCli(['check', '.'], dir, 6000);
  c.capMs = 6000;
  c.ms = r.timedOut ? null : r.ms;
  c.rssMB = r.peakRssMB;
  if (r.timedOut) c.problem(`the CLI did not finish within 6 s (budget 2 s); killed`);
  else if (r.ms > 2000) c.problem(`the CLI took ${Math.round(r.ms)} ms, budget 2000 ms`);
  if (r.killedForRss) c.problem('the CLI was killed above the RSS cap');
  if (!r.timedOut && (r.code === null || r.code > 1)) c.problem(`the CLI failed: exit ${r.code} ${r.signal ?? ''} ${r.stderr.slice(0, 200)}`);
  c.finish(null, r.timedOut ? `killed after ${fmtMs(r.ms, 6000)}` : `exit ${r.code}, ${fmtMs(r.ms, 6000)}`);
});
