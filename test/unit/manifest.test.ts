/** The manifest, the README and the code's own tables say the same thing: languages, rules, layout, version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { RULE_METADATA } from '../../server/src/diagnostics/rules';
import { FILE_GLOBS, LANGUAGES, languageOfFile } from '../../server/src/languages';
import { RESTRICTED_KEYS } from '../../server/src/projectConfig';
import { DEFAULT_RULES, SEVERITIES } from '../../server/src/settings';
import { VERSION } from '../../server/src/version';
import { ROOT } from '../helpers';

interface Manifest {
  version: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { default?: unknown; properties?: Record<string, unknown> }> } };
}
const raw = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as unknown;
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsJa = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;

/** The manifest with its `%key%` strings as VS Code shows them in a language. */
function localized(v: unknown, table: Record<string, string>): unknown {
  if (typeof v === 'string') {
    const m = /^%(.+)%$/.exec(v);
    return m ? table[m[1]] : v;
  }
  if (Array.isArray(v)) return v.map((x) => localized(x, table));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, localized(x, table)]));
  return v;
}
const manifest = localized(raw, nls) as Manifest;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('activation events are the language table (plus .env files and start-up)', () => {
  const expected = [...LANGUAGES.map((l) => `onLanguage:${l.id}`), 'workspaceContains:**/.env', 'onStartupFinished'];
  assert.deepEqual(manifest.activationEvents, expected);
});

test('the language table: unique ids and extensions, and the CLI reads what the table names', () => {
  const ids = LANGUAGES.map((l) => l.id);
  assert.equal(new Set(ids).size, ids.length);
  const exts = LANGUAGES.flatMap((l) => l.extensions);
  assert.equal(new Set(exts).size, exts.length);
  const globbed = /^\*\*\/\*\.\{([^{}]*)\}$/.exec(FILE_GLOBS[0])?.[1].split(',') ?? [];
  for (const g of FILE_GLOBS) assert.ok((g.match(/\{/g) ?? []).length <= 1, `${g}: VS Code's globs allow no nested braces`);
  for (const l of LANGUAGES) for (const e of l.extensions) {
    assert.equal(languageOfFile(`src/file${e}`), l.id);
    assert.equal(languageOfFile(`src/FILE${e.toUpperCase()}`), l.id);
    assert.ok(globbed.includes(e.slice(1)), `Check Workspace's glob has ${e}`);
  }
  assert.equal(globbed.length, exts.length);
  assert.equal(languageOfFile('.env'), 'dotenv');
  assert.equal(languageOfFile('config/.env.local'), 'dotenv');
  assert.equal(languageOfFile('prod.env'), 'dotenv');
  assert.equal(languageOfFile('Makefile'), null);
  assert.equal(languageOfFile('image.png'), null);
});

test('the modelLens.rules schema is the rules metadata', () => {
  const rules = manifest.contributes.configuration.properties['modelLens.rules'];
  assert.deepEqual(rules.default, DEFAULT_RULES);
  const expected = Object.fromEntries(
    RULE_METADATA.map((r) => [
      r.code,
      {
        type: 'string',
        enum: [...SEVERITIES],
        ...(r.severity === 'as-found' ? {} : { default: r.severity }),
        description: r.severity === 'as-found' ? `${r.summary} Unset: the severity each problem is found with.` : r.summary,
      },
    ]),
  );
  assert.deepEqual(rules.properties, expected);
});

test("the README's rule table and rule sections are the rules metadata", () => {
  for (const r of RULE_METADATA) {
    const row = `| [\`${r.code}\`](#${r.code}) | ${r.severity === 'as-found' ? 'as found' : r.severity} | ${r.summary} |`;
    assert.ok(readme.includes(row), `README table row for ${r.code}`);
    assert.ok(readme.includes(`#### \`${r.code}\`\n\n${r.description}\n`), `README section for ${r.code}`);
  }
  const codes = RULE_METADATA.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const r of RULE_METADATA) assert.ok(r.summary.endsWith('.') && r.description.length > r.summary.length, r.code);
});

test("the README's Layout table matches the tree", () => {
  const section = readme.slice(readme.indexOf('## Layout'), readme.indexOf('## Licence'));
  const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  for (const p of listed) assert.ok(existsSync(path.join(ROOT, p)), `${p} is in the Layout table but not in the tree`);
  for (const dir of ['server/src', 'client/src']) {
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}${e.isDirectory() ? '/' : ''}`;
      const covered = listed.includes(p) || listed.includes(`${dir}/`);
      assert.ok(covered, `${p} is not in the README's Layout table`);
    }
  }
  const loose = readdirSync(path.join(ROOT, 'server/src'), { withFileTypes: true }).filter((e) => e.isFile());
  assert.ok(loose.length <= 6, `${loose.length} loose files at the root of server/src`);
});

test('Restricted Mode: settings that make the server read files elsewhere or more of them wait for trust, and exist', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.deepEqual(trust.restrictedConfigurations, ['modelLens.cardPaths', 'modelLens.catalogs', 'modelLens.maxFileSize']);
  for (const key of trust.restrictedConfigurations ?? []) assert.ok(key in manifest.contributes.configuration.properties, key);
  for (const key of trust.restrictedConfigurations ?? []) assert.ok(readme.includes(`\`${key}\``), `README names ${key}`);
  // The project file's keys that wait for trust are the same ones.
  assert.deepEqual(RESTRICTED_KEYS.map((k) => `modelLens.${k}`), trust.restrictedConfigurations);
});

test('one version, from package.json', () => {
  assert.equal(VERSION, manifest.version);
});

test('no source file over 500 lines', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const f of [...walk(path.join(ROOT, 'server/src')), ...walk(path.join(ROOT, 'client/src'))]) {
    const lines = readFileSync(f, 'utf8').split('\n').length;
    assert.ok(lines <= 500, `${path.relative(ROOT, f)} has ${lines} lines`);
  }
});

test('every manifest string a user reads is localized: package.nls.json and package.nls.ja.json, the same keys, the Japanese in Japanese', () => {
  const keys: string[] = [];
  const visit = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      const m = /^%(.+)%$/.exec(v);
      if (m) keys.push(m[1]);
      // What the Extensions view, the settings editor and the command palette show: never a literal.
      else assert.ok(!/(?:^|\.)(?:displayName|description|markdownDescription|title|category)$/.test(at), `${at} is not localized`);
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}.${i}`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, at ? `${at}.${k}` : k);
  };
  const { jsonValidation: _schemas, ...contributes } = (raw as { contributes: Record<string, unknown> }).contributes;
  const r = raw as Record<string, unknown>;
  visit({ displayName: r.displayName, description: r.description, capabilities: r.capabilities, contributes }, '');
  assert.deepEqual([...new Set(keys)].sort(), Object.keys(nls).sort(), 'package.nls.json has every key, and no other');
  assert.deepEqual(Object.keys(nlsJa).sort(), Object.keys(nls).sort(), 'package.nls.ja.json has the same keys');
  const names = new Set(['displayName', 'category', 'configuration.title']);
  for (const [k, v] of Object.entries(nlsJa)) if (!names.has(k)) assert.match(v, /[\u3040-\u30ff\u4e00-\u9fff]/, `${k} in Japanese`);
});

test("the client's strings go through VS Code's l10n bundle, and the Japanese bundle has each of them", () => {
  assert.equal((raw as { l10n?: string }).l10n, './client/l10n');
  const source = readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
  const used = [...source.matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'client/l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual([...new Set(used)].sort(), Object.keys(bundle).sort());
  for (const [k, v] of Object.entries(bundle)) {
    assert.match(v, /[\u3040-\u30ff\u4e00-\u9fff]/, k);
    assert.deepEqual(v.match(/\{\d\}/g)?.sort() ?? [], k.match(/\{\d\}/g)?.sort() ?? [], `${k}: the same placeholders`);
  }
  // No literal message left in the client's calls that show text.
  assert.doesNotMatch(source, /(?:showInformationMessage|showWarningMessage|showErrorMessage|setStatusBarMessage)\('/);
});

test('the browser build: a browser entry, and every command, which needs the disk or the Node server, hidden on the web', () => {
  const m = raw as { browser?: string; contributes: { commands: Array<{ command: string }>; menus?: { commandPalette?: Array<{ command: string; when?: string }> } } };
  assert.equal(m.browser, './dist/browser/extension.js');
  const hidden = new Map((m.contributes.menus?.commandPalette ?? []).map((e) => [e.command, e.when]));
  for (const c of m.contributes.commands) assert.equal(hidden.get(c.command), '!isWeb', c.command);
  const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  for (const f of ['dist/browser/extension.js', 'dist/browser/server.js', 'package.nls.json', 'package.nls.ja.json', 'client/l10n/**']) assert.ok(ignore.includes(`!${f}`), `${f} is in the .vsix`);
});

test("the README's pictures are in the .vsix, so the Extensions view shows them", () => {
  const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(pictures.length >= 3);
  for (const p of pictures) {
    assert.ok(!/^https?:/.test(p), `${p}: a picture of ours, not a guessed public URL`);
    assert.ok(existsSync(path.join(ROOT, p)), `${p} exists`);
    assert.ok(ignore.includes(`!${path.dirname(p)}/*.png`) || ignore.includes(`!${p}`), `${p} is in the .vsix`);
  }
  assert.ok(ignore.includes('!CHANGELOG.md') && existsSync(path.join(ROOT, 'CHANGELOG.md')));
});
