/** The bounds that keep hostile input cheap: globs, settings, suppression regions, names from cards, slices and cancellation, caps. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/diagnostics/engine';
import { buildRegistry, parseDocument } from '../../server/src/registry';
import { readSettings, settingsNoticeText, MAX_LIST_ENTRIES } from '../../server/src/settings';
import { GlobList, globMatches, matchGlob, MAX_GLOB_LENGTH } from '../../server/src/util/glob';
import { Cancelled, drain, runInSlices, type Steps } from '../../server/src/util/steps';
import { shippedDocuments } from '../helpers';

const registry = buildRegistry([shippedDocuments()]);

test('globs: the usual patterns', () => {
  assert.equal(matchGlob('*.md', 'docs/a.md'), true);
  assert.equal(matchGlob('docs/*.md', 'docs/x/a.md'), false);
  assert.equal(matchGlob('docs/**/*.md', 'docs/a.md'), true);
  assert.equal(matchGlob('docs/**/*.md', 'docs/x/y/a.md'), true);
  assert.equal(matchGlob('**/node_modules/**', 'a/node_modules/b/c.js'), true);
  assert.equal(matchGlob('**/node_modules/**', 'node_modules/c.js'), true);
  assert.equal(matchGlob('src/{a,b}/*.py', 'src/b/x.py'), true);
  assert.equal(matchGlob('src/{a,b}/*.py', 'src/c/x.py'), false);
  assert.equal(matchGlob('azure__openai__my_*', 'azure__openai__my_gpt'), true);
  assert.equal(matchGlob('file?.txt', 'file1.txt'), true);
  assert.equal(matchGlob('[!a]*', 'bcd'), true);
  assert.equal(matchGlob('[!a]*', 'abc'), false);
  // `*` and `?` and classes never cross a folder; `**` not before `/` does.
  assert.equal(globMatches('a*b', 'a/b'), false);
  assert.equal(globMatches('a?b', 'a/b'), false);
  assert.equal(globMatches('a[/]b', 'a/b'), false);
  assert.equal(globMatches('a**b', 'a/x/b'), true);
  assert.equal(globMatches('a/**/', 'a/b'), true);
});

test('globs: patterns that make a backtracking matcher take minutes are matched in microseconds', () => {
  const t0 = performance.now();
  assert.equal(matchGlob('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(40)), false);
  assert.equal(matchGlob('**/a*a*a*a*a*a*a*a*b', `src/${'a'.repeat(56)}`), false);
  assert.equal(globMatches('*a'.repeat(200), 'a'.repeat(1000)), true);
  assert.equal(globMatches('**/'.repeat(100) + 'x', 'a/'.repeat(200) + 'y'), false);
  const ms = performance.now() - t0;
  assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
  // Too long a glob matches nothing, instead of costing its length times every text.
  assert.equal(globMatches(`${'x'.repeat(MAX_GLOB_LENGTH)}*`, `${'x'.repeat(MAX_GLOB_LENGTH)}y`), false);
  // Braces that would expand to thousands of alternatives are ordinary characters.
  const braces = '{a,b}'.repeat(12);
  assert.equal(globMatches(braces, 'a'.repeat(12)), false);
  assert.equal(globMatches(braces, braces), true);
});

test('globs: a list of thousands answers each name from memory after the first time', () => {
  const list = new GlobList([...Array.from({ length: 3000 }, (_, i) => `private-${i}-*`), 'gpt-4o-mini'], 'exact');
  const t0 = performance.now();
  for (let round = 0; round < 50; round++) for (let k = 0; k < 200; k++) list.matches(`azure__openai__gpt_${k}`);
  assert.equal(list.matches('gpt-4o-mini'), true);
  assert.equal(list.matches('private-7-x'), true);
  assert.equal(list.matches('private-x'), false);
  const ms = performance.now() - t0;
  assert.ok(ms < 2000, `${ms.toFixed(0)} ms for 10,000 lookups against 3,001 entries`);
  // For `exclude`, an entry without wildcards still names a file anywhere.
  assert.equal(new GlobList(['secrets.md'], 'glob').matches('docs/secrets.md'), true);
  assert.equal(new GlobList(['secrets.md'], 'exact').matches('docs/secrets.md'), false);
});

test('settings: lists and lengths are bounded, numbers clamped, and what was left out is said', () => {
  const s = readSettings({
    allow: [...Array.from({ length: MAX_LIST_ENTRIES + 10 }, (_, i) => `name_${i}`), 'x'.repeat(MAX_GLOB_LENGTH + 1)],
    exclude: ['y'.repeat(MAX_GLOB_LENGTH + 1)],
    maxFileSize: 1e12,
    maxProblems: -3,
  });
  assert.equal(s.allow.length, MAX_LIST_ENTRIES);
  assert.deepEqual(s.exclude, []);
  assert.equal(s.maxFileSize, 32 * 1024 * 1024);
  assert.equal(s.maxProblems, 1000);
  const said = s.notices.map((n) => settingsNoticeText(n)).join('\n');
  assert.equal(s.notices.length, 3, said);
  assert.match(said, /modelLens\.allow: only the first 5,000 of 5,011 entries are used/);
  assert.match(said, /modelLens\.exclude: 1 entry is longer than 1,024 characters and ignored/);
  assert.deepEqual(readSettings({}).notices, []);
});

test('suppression: thousands of disable/enable regions cost a binary search per finding', () => {
  const group = '# model-lens-disable\nm = "azure__openai__gpt_4o_minii"\n# model-lens-enable\nn = "azure__openai__gpt_4o_minii"\n';
  const text = group.repeat(8000);
  const settings = readSettings({ maxProblems: 100_000 });
  const t0 = performance.now();
  const { findings } = checkText({ text, languageId: 'python', registry, settings });
  const ms = performance.now() - t0;
  // Only the `n = …` lines are outside a disabled region.
  assert.equal(findings.length, 8000);
  assert.ok(findings.every((f) => text.slice(f.start - 5, f.start - 1) === 'n = '));
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  // Regions still end where they should, and a region for one rule leaves the others on.
  const mixed = '# model-lens-disable unknown-model\nm = "azure__openai__gpt_4o_minii"\n# model-lens-enable\nn = "azure__openai__gpt_4o_minii"\n# model-lens-disable\no = "azure__openai__gpt_4o_minii"\n';
  const lines = checkText({ text: mixed, languageId: 'python', registry, settings: readSettings({}) }).findings.map((f) => mixed.slice(0, f.start).split('\n').length);
  assert.deepEqual(lines, [4]);
});

test('a cap on problems per file: the first maxProblems, and the result says it was capped', () => {
  const text = Array.from({ length: 3000 }, (_, i) => `m${i} = "azure__openai__gpt_4o_minii"`).join('\n');
  const capped = checkText({ text, languageId: 'python', registry, settings: readSettings({ maxProblems: 100 }) });
  assert.equal(capped.findings.length, 100);
  assert.equal(capped.capped, true);
  assert.equal(capped.findings[99].start < text.indexOf('m100 '), true);
  const all = checkText({ text, languageId: 'python', registry, settings: readSettings({ maxProblems: 5000 }) });
  assert.equal(all.findings.length, 3000);
  assert.equal(all.capped, false);
});

test('names from any card or tile outside the id alphabet never enter the registry', () => {
  const injected = 'azure__openai__gpt_4o_minj"); import os; os.system("id';
  const card = parseDocument('evil.md', `# Evil\n\n| Item | Value |\n|---|---|\n| API model name | \`${injected}\` |\n`);
  const aliased = parseDocument('alias.md', `---\naliases: ["a b", "ok-name"]\nsuccessor: "x\\ny"\n---\n# Fine\n\n| Item | Value |\n|---|---|\n| API model name | \`azure__openai__fine\` |\n`);
  const r = buildRegistry([shippedDocuments(), [card, aliased]]);
  assert.equal(r.models.some((m) => m.name.includes('"') || m.aliases.some((a) => a.includes(' '))), false);
  const fine = r.get('azure__openai__fine');
  assert.ok(fine);
  assert.deepEqual(fine.entry.aliases, ['ok-name']);
  assert.equal(fine.entry.successor, null);
  const problems = r.diagnostics.filter((d) => d.code === 'card-bad-value' && /not a model name/.test(d.message));
  // The table's name is shown cut short and quoted, so the message cannot carry the payload as text to run.
  assert.ok(problems.some((d) => d.file === 'evil.md' && d.message.includes('"azure__openai__gpt_4o_minj\\"); import os; os.system(\\"id"')));
  assert.ok(problems.some((d) => d.file === 'alias.md'));
  // Front matter's own check lets a name end in `-`; the id alphabet does not: the link and the successor are dropped, each said.
  const linked = parseDocument('links.md', `---\nlinks: ["gpt-4o-mini", "trailing-"]\nsuccessor: "next-"\n---\n# Fine\n\n| Item | Value |\n|---|---|\n| API model name | \`azure__openai__linked\` |\n`);
  const r2 = buildRegistry([shippedDocuments(), [linked]]);
  const entry = r2.get('azure__openai__linked')?.entry;
  assert.ok(entry);
  assert.equal(entry.links.includes('trailing-'), false);
  assert.ok(entry.links.includes('gpt-4o-mini'));
  assert.equal(entry.successor, null);
  assert.deepEqual(
    r2.diagnostics.filter((d) => d.file === 'links.md' && d.code === 'card-bad-value').map((d) => /"([^"]+)"/.exec(d.message)?.[1]),
    ['trailing-', 'next-'],
  );
});

test('a name right after an emoji is found, at the right place', () => {
  const text = 'x = "😀gpt-4o-minii"\n';
  const { findings } = checkText({ text, languageId: 'python', registry, settings: readSettings({}) });
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].start, findings[0].end), 'gpt-4o-minii');
});

test('steps: run through, or in slices that let the event loop in, and stop when cancelled', async () => {
  function* count(n: number): Steps<number> {
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += i;
      if (i % 100 === 0) yield;
    }
    return s;
  }
  assert.equal(drain(count(1000)), 499500);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  function* slow(): Steps<string> {
    const until = performance.now() + 200;
    while (performance.now() < until) yield;
    return 'done';
  }
  assert.equal(await runInSlices(slow(), undefined, 10), 'done');
  clearInterval(timer);
  assert.ok(ticks >= 3, `the event loop ran ${ticks} times during 200 ms of work`);
  const token = { isCancellationRequested: false };
  setTimeout(() => (token.isCancellationRequested = true), 20);
  await assert.rejects(runInSlices(slow(), token, 5), Cancelled);
});

test('one name in 130,000 cards builds (a spread of that many ranks or problems overflowed the stack)', () => {
  const one = parseDocument('/x/a.md', '# a\n\n| Item | Value |\n|---|---|\n| API model name | `gpt-same` |\n| Input context window | 128k tokens |\n');
  const docs = Array.from({ length: 130_000 }, (_, i) => ({ ...one, file: `/x/a${i}.md` }));
  // And one document with as many problems.
  const problem = parseDocument('/x/p.md', '---\nnamespace: box\n---\n# p\n').diagnostics[0];
  assert.ok(problem);
  docs.push({ ...one, file: '/x/many.md', diagnostics: new Array(130_000).fill(problem) });
  const r = buildRegistry([docs]);
  assert.equal(r.models.length, 1);
  assert.equal(r.get('gpt-same')?.entry.contextWindow, 128_000);
  assert.ok(r.diagnostics.length >= 130_000);
});
