/** The project file, .model-lens.json: read, checked, combined with the editor's settings; and its JSON schema. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig, PROJECT_KEYS, untrusted, withProjectConfig } from '../../server/src/projectConfig';
import { readSettings } from '../../server/src/settings';
import { ROOT } from '../helpers';

const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** The manifest's `%key%` strings in English (a JSON schema file is not localized by VS Code). */
const english = (_key: string, v: unknown): unknown => (typeof v === 'string' && /^%.+%$/.test(v) ? nls[v.slice(1, -1)] : v);
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'), english) as {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> }; jsonValidation: Array<{ fileMatch: string; url: string }> };
};

/** The schema the manifest's settings imply: each key as its `modelLens.*` setting, without scope or default. */
function expectedSchema(): unknown {
  const properties: Record<string, unknown> = { $schema: { type: 'string' } };
  for (const key of PROJECT_KEYS) {
    const { scope: _scope, default: _default, ...rest } = manifest.contributes.configuration.properties[`modelLens.${key}`];
    properties[key] = rest;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Model Lens project settings (.model-lens.json)',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

test('the JSON schema VS Code completes .model-lens.json with is the settings of the manifest', () => {
  const contributed = manifest.contributes.jsonValidation.find((v) => v.fileMatch === '.model-lens.json');
  assert.ok(contributed, 'contributes.jsonValidation has .model-lens.json');
  const schema = JSON.parse(readFileSync(path.join(ROOT, contributed.url), 'utf8')) as unknown;
  assert.deepEqual(schema, expectedSchema());
});

test('a good file: its settings, with comments and trailing commas', () => {
  const { values, problems } = parseProjectConfig('{\n  // our deployments\n  "$schema": "./x.json",\n  "allow": ["azure__openai__my_*"],\n  "rules": { "unknown-model": "error" },\n  "maxFileSize": 4096,\n}\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(JSON.parse(JSON.stringify(values)), { allow: ['azure__openai__my_*'], rules: { 'unknown-model': 'error' }, maxFileSize: 4096 });
});

test('bad content: each problem where it is, and only the good settings used', () => {
  const text = '{ "allow": "gpt-4o", "rulez": {}, "rules": { "unknown-modle": "error" }, "exclude": ["a", 3], "maxFileSize": -1, "cardPaths": ["cards"], "cardPaths": ["more"] }';
  const { values, problems } = parseProjectConfig(text);
  const at = (p: { start: number; end: number }) => text.slice(p.start, p.end);
  assert.deepEqual(
    problems.map((p) => [p.severity, at(p)]),
    [
      ['error', '"gpt-4o"'],
      ['warning', '"rulez"'],
      ['error', '"unknown-modle"'],
      ['error', '3'],
      ['error', '-1'],
      ['warning', '"cardPaths"'],
    ],
  );
  assert.match(problems[1].message, /not a Model Lens setting; the file takes allow, exclude, rules/);
  assert.deepEqual(JSON.parse(JSON.stringify(values)), { cardPaths: ['more'] });
  // Not JSON: an error where it breaks, and nothing used.
  const broken = parseProjectConfig('{ "allow": [ "x" ');
  assert.equal(broken.problems[0].severity, 'error');
  assert.deepEqual(JSON.parse(JSON.stringify(broken.values)), {});
  assert.equal(parseProjectConfig('[1]').problems[0].severity, 'error');
  // Hostile keys never reach an object's prototype.
  const proto = parseProjectConfig('{ "rules": { "__proto__": "error" }, "__proto__": { "x": 1 } }');
  assert.equal(proto.problems.length, 2);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('combined with the editor: lists joined, rules and numbers from the file, restricted keys dropped while untrusted', () => {
  const file = parseProjectConfig('{ "allow": ["b"], "rules": { "unknown-model": "error" }, "maxFileSize": 1000, "cardPaths": ["team-cards"] }');
  const s = readSettings(withProjectConfig({ allow: ['a'], rules: { 'unknown-model': 'off', 'retired-model': 'warning' }, maxFileSize: 5000 }, [file]));
  assert.deepEqual(s.allow, ['a', 'b']);
  assert.equal(s.rules['unknown-model'], 'error');
  assert.equal(s.rules['retired-model'], 'warning');
  assert.equal(s.maxFileSize, 1000);
  assert.deepEqual(s.cardPaths, ['team-cards']);
  assert.ok(s.configured.includes('unknown-model'));
  const restricted = readSettings(withProjectConfig(undefined, [untrusted(file)]));
  assert.deepEqual(restricted.cardPaths, []);
  assert.equal(restricted.maxFileSize, readSettings(undefined).maxFileSize);
  assert.deepEqual(restricted.allow, ['b']);
  // The first folder's file wins over the second's.
  const second = parseProjectConfig('{ "rules": { "unknown-model": "hint" } }');
  assert.equal(readSettings(withProjectConfig({}, [file, second])).rules['unknown-model'], 'error');
});
