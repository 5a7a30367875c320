/** .model-lens.json changes what the CLI and the server report, identically; its own problems are reported in it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from '../helpers';
import { TestClient } from '../lsp/client';

interface Reported {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
}

function cli(cwd: string): { code: number | null; diagnostics: Reported[] } {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'check', '--format', 'json'], { cwd, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { diagnostics: Reported[] };
  return { code: r.status, diagnostics: out.diagnostics.map(({ file, line, column, severity, code }) => ({ file, line, column, severity, code })) };
}

const FILES: Record<string, string> = {
  'agents/a.py': 'a = {"model": "azure__openai__my_deployment"}\nb = {"model": "google__text_bison"}\nc = {"model": "azure__openai__gpt_4o_minii"}\n',
  'gen/out.py': 'x = {"model": "azure__openai__gpt_4o_minii"}\n',
};

test('.model-lens.json: the CLI and the server report the same, and both follow the file', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'model-lens-project-'));
  try {
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    const without = cli(root);
    assert.deepEqual(without.diagnostics.filter((d) => d.file === 'agents/a.py').map((d) => d.code), ['unknown-model', 'retired-model', 'unknown-model']);
    writeFileSync(path.join(root, '.model-lens.json'), '{\n  // the team\'s settings\n  "allow": ["azure__openai__my_*"],\n  "exclude": ["gen/**"],\n  "rules": { "retired-model": "warning", "unknown-model": "error" },\n}\n');
    const withFile = cli(root);
    const expected: Reported[] = [
      { file: 'agents/a.py', line: 2, column: 16, severity: 'warning', code: 'retired-model' },
      { file: 'agents/a.py', line: 3, column: 16, severity: 'error', code: 'unknown-model' },
    ];
    assert.deepEqual(withFile.diagnostics, expected);
    assert.equal(withFile.code, 1);

    // The server, in any editor, reads the same file: the same findings for the same file.
    const client = await TestClient.start({ folders: [root], push: true });
    try {
      const uri = pathToFileURL(path.join(root, 'agents/a.py')).toString();
      client.open(uri, 'python', FILES['agents/a.py']);
      const pushed = await client.pushed(uri, 1);
      const severities = ['', 'error', 'warning', 'info', 'hint'];
      assert.deepEqual(
        pushed.map((d) => ({ file: 'agents/a.py', line: d.range.start.line + 1, column: d.range.start.character + 1, severity: severities[d.severity ?? 0], code: d.code })),
        expected,
      );
      // The file's own problems, where they are, in the editor and in the CLI.
      const bad = '{ "allow": "azure__openai__my_*", "rulez": {} }\n';
      writeFileSync(path.join(root, '.model-lens.json'), bad);
      const configUri = pathToFileURL(path.join(root, '.model-lens.json')).toString();
      client.open(configUri, 'json', bad);
      const problems = await client.pushed(configUri, 1);
      assert.deepEqual(problems.map((d) => [d.code, d.severity, d.range.start.character]), [['project-config', 1, 11], ['project-config', 2, 34]]);
      const fromCli = cli(root).diagnostics.filter((d) => d.file === '.model-lens.json');
      assert.deepEqual(fromCli.map((d) => [d.code, d.severity, d.column]), [['project-config', 'error', 12], ['project-config', 'warning', 35]]);
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
