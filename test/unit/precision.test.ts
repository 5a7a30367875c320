/**
 * The precision corpus: files we wrote from the shapes real repositories have (posts, changelogs,
 * leaderboards, model settings, provider configs with labels, code about names, gateway ids, shell scripts and
 * console transcripts, promptfoo providers, constants classes, notebooks, SDK calls in docs). `clean/` must give
 * nothing; `wrong/` exactly what `expected.json` lists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/diagnostics/engine';
import { checkNotebook, isNotebookFile } from '../../server/src/diagnostics/notebook';
import { languageOfFile } from '../../server/src/languages';
import { buildRegistry } from '../../server/src/registry';
import { readSettings } from '../../server/src/settings';
import { LineIndex } from '../../server/src/util/lineIndex';
import { ROOT, shippedDocuments } from '../helpers';

const registry = buildRegistry([shippedDocuments()]);
const settings = readSettings({});
const DIR = path.join(ROOT, 'test', 'fixtures', 'precision');

/** Every finding of a fixture as [place, "severity code", text], place being the 1-based line, or "cell N:L" in a notebook. */
function findingsOf(folder: string, file: string): Array<[number | string, string, string]> {
  const text = readFileSync(path.join(DIR, folder, file), 'utf8');
  if (isNotebookFile(file)) {
    const found = checkNotebook(text, registry, settings, file)?.findings ?? [];
    return found.map((f) => [`cell ${f.cell}:${f.cellLine + 1}`, `${f.severity} ${f.code}`, JSON.parse(`"${text.slice(f.start, f.end)}"`) as string]);
  }
  const lines = new LineIndex(text);
  const { findings } = checkText({ text, languageId: languageOfFile(file) ?? 'plaintext', path: file, relativePath: file, registry, settings });
  return findings.map((f) => [lines.position(f.start).line + 1, `${f.severity} ${f.code}`, text.slice(f.start, f.end)]);
}

for (const file of readdirSync(path.join(DIR, 'clean'))) {
  test(`precision corpus, clean: ${file} gives no diagnostic`, () => {
    assert.deepEqual(findingsOf('clean', file), []);
  });
}

const expected = JSON.parse(readFileSync(path.join(DIR, 'wrong', 'expected.json'), 'utf8')) as Record<string, Array<[number | string, string, string]>>;
for (const file of readdirSync(path.join(DIR, 'wrong')).filter((f) => f !== 'expected.json')) {
  test(`precision corpus, wrong: ${file} gives exactly its real problems`, () => {
    assert.deepEqual(findingsOf('wrong', file), expected[file] ?? []);
  });
}

test('the fix of a misspelt retired name is its successor, and the message names the spelling', () => {
  const text = readFileSync(path.join(DIR, 'wrong', 'sdk.py'), 'utf8');
  const { findings } = checkText({ text, languageId: 'python', path: 'sdk.py', registry, settings });
  const slip = findings.find((f) => text.slice(f.start, f.end) === 'claude-3-haiku-20240229')!;
  assert.deepEqual(slip.suggestions, [registry.get('claude-3-haiku-20240307')!.entry.successor]);
  assert.match(slip.message, /no snapshot of claude-3-haiku is dated 20240229/);
});
