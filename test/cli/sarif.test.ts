/** `--format sarif` validates against the SARIF 2.1.0 schema (vendored: test/fixtures/sarif) and carries every rule's help. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULE_METADATA } from '../../server/src/diagnostics/rules';
import { DIST, ROOT } from '../helpers';

let project: string;
before(() => {
  project = mkdtempSync(path.join(tmpdir(), 'model-lens-sarif-'));
  // Names a URI must encode: a space, a comma, a per-cent sign, non-ASCII.
  const files: Record<string, string> = {
    'odd dir/my file,%x.py': 'a = {"model": "azure__openai__gpt_4o_minii"}\n',
    'src/agent.py': 'b = {"model": "google__text_bison"}\nc = AiAgentBasicTextTool(model="azure__openai__gpt_4o_mini", num_tokens_for_completion=99999)\n',
    'café/config.yaml': 'model: azure_openai__gpt_4o_mini\n',
    'cards/bad.md': '---\nnamespace: box\n---\n# Bad\n\n| Item | Value |\n|---|---|\n| API model name | `azure__openai__bad_one` |\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
    writeFileSync(path.join(project, rel), text);
  }
});
after(() => rmSync(project, { recursive: true, force: true }));

interface Sarif {
  runs: Array<{
    tool: { driver: { informationUri: string; rules: Array<{ id: string; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }>;
  }>;
}

test('SARIF 2.1.0: valid against the schema, with percent-encoded relative URIs under %SRCROOT%', () => {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'check', '.', 'cards', '--format', 'sarif'], { cwd: project, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const sarif = JSON.parse(r.stdout) as Sarif;
  // The schema's pattern for a language tag has a stray bracket that only non-Unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
  assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 1));
  const run = sarif.runs[0];
  const uris = run.results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri).sort();
  assert.ok(uris.includes('odd%20dir/my%20file%2C%25x.py'), uris.join(' '));
  assert.ok(uris.includes('caf%C3%A9/config.yaml'), uris.join(' '));
  for (const x of run.results) assert.equal(x.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  assert.match(run.tool.driver.informationUri, /^file:\/\/.*README\.md$/);
  // Each rule: full description, help as text and Markdown, a link to its README section, its default level.
  for (const rule of run.tool.driver.rules) {
    const meta = RULE_METADATA.find((m) => m.code === rule.id)!;
    assert.equal(rule.fullDescription.text, meta.description);
    assert.ok(rule.help.text.startsWith(meta.description) && rule.help.markdown.includes('[More in the README]('));
    assert.ok(rule.helpUri.endsWith(`README.md#${rule.id}`));
    assert.equal(rule.defaultConfiguration.level, meta.severity === 'error' ? 'error' : meta.severity === 'warning' || meta.severity === 'as-found' ? 'warning' : 'note');
  }
  assert.ok(run.tool.driver.rules.length >= 4);
});
