/**
 * What the registry works out across models once each is settled (registry/links.ts): links between models, and the
 * version-order check (a newer version of a family dated before an older one). What each says, that the check says
 * the same as its plain definition (every pair compared) on random families, and that thousands of links or versions
 * cost a pass or a sort rather than a comparison of every pair.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRegistry, parseDocument, type ModelEntry, type ParsedDocument } from '../../server/src/registry';

const card = (name: string, release: string, file = `${name}.md`): ParsedDocument =>
  parseDocument(file, `# ${name}\n\n| Item | Value |\n|---|---|\n| API model name | \`${name}\` |\n| Model provider | Anthropic |\n| Release date | ${release} |\n`);

const versionNotes = (docs: ParsedDocument[]): string[] =>
  buildRegistry([docs])
    .diagnostics.filter((d) => d.code === 'card-conflict' && d.severity === 'info' && d.message.includes('may have been copied'))
    .map((d) => d.message);

test('a newer version dated before an older one is noted, naming the older version released latest', () => {
  const notes = versionNotes([
    card('aws__claude_3_sonnet', '2024-03-04'),
    card('aws__claude_3_5_sonnet', '2024-06-20'),
    card('aws__claude_4_sonnet', '2024-02-29'),
    card('aws__claude_4_5_sonnet', '2025-09-29'),
  ]);
  assert.equal(notes.length, 1);
  assert.match(notes[0], /aws__claude_4_sonnet \(version 4\) is dated 2024-02-29, before the older aws__claude_3_5_sonnet \(2024-06-20\)/);
});

test('dates are compared at the precision both have, and equal versions are not older than each other', () => {
  // 2024-06 against 2024-06-20: the same month, so not before. 3 and 3_0 are the same version.
  assert.deepEqual(versionNotes([card('aws__claude_3_sonnet', '2024-06-20'), card('aws__claude_4_sonnet', '2024-06')]), []);
  assert.deepEqual(versionNotes([card('aws__claude_3_sonnet', '2024-06-20'), card('aws__claude_3_0_haiku', '2024-01-01')]), []);
  assert.equal(versionNotes([card('aws__claude_3_sonnet', '2024-07'), card('aws__claude_4_sonnet', '2024-06-30')]).length, 1);
});

/** The definition, pair by pair, as the check was first written: for each model, the older version released latest after it. */
function pairByPair(models: readonly ModelEntry[]): string[] {
  const family = (name: string) => /^[a-z]+__(?:openai__)?([a-z]+)((?:_\d+)+)(?:[a-z]*)(?:_|$)/.exec(name);
  const versionOf = (m: RegExpExecArray) => m[2].split('_').filter(Boolean).map(Number);
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const live = models.filter((m) => m.namespace === 'box' && m.status !== 'retired' && m.facts.releaseDate?.value);
  const out: string[] = [];
  for (const a of live) {
    const fa = family(a.name);
    if (!fa) continue;
    const ra = a.facts.releaseDate!.value!;
    let older: ModelEntry | null = null;
    for (const b of live) {
      const fb = family(b.name);
      if (!fb || fb[1] !== fa[1] || compare(versionOf(fa), versionOf(fb)) <= 0) continue;
      const rb = b.facts.releaseDate!.value!;
      const n = Math.min(ra.length, rb.length);
      if (ra.slice(0, n) < rb.slice(0, n) && (!older || rb > older.facts.releaseDate!.value!)) older = b;
    }
    if (older) out.push(`${a.name} ${older.name}`);
  }
  return out;
}

test('on random families, versions and dates of every precision, the check names what the pair-by-pair definition names, in the same order', () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed >>> 8) % n;
  };
  const date = () => {
    const y = `${2023 + rand(3)}`;
    const m = `${y}-0${1 + rand(9)}`;
    return [y, m, `${m}-1${rand(10)}`][rand(3)];
  };
  for (let trial = 0; trial < 40; trial++) {
    const docs: ParsedDocument[] = [];
    const names = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const version = [`${1 + rand(5)}`, `${1 + rand(5)}_${rand(3)}`, `${1 + rand(3)}_0`][rand(3)];
      const name = `aws__${['claude', 'llama', 'gemini'][rand(3)]}_${version}_${['sonnet', 'haiku', 'x'][rand(3)]}`;
      if (names.has(name)) continue;
      names.add(name);
      docs.push(card(name, date()));
    }
    // The models in the order of their cards, as the registry meets them before it sorts its list by name.
    const registry = buildRegistry([docs]);
    const expected = pairByPair([...names].map((n) => registry.get(n)!.entry));
    const said = versionNotes(docs)
      .map((m) => {
        const x = /^(\S+) \(version [^)]*\) is dated \S+, before the older (\S+) /.exec(m);
        assert.ok(x, m);
        return `${x[1]} ${x[2]}`;
      });
    assert.deepEqual(said, expected, `trial ${trial}`);
  }
});

test('ten thousand versions of one family are checked in a sort, not a comparison of every pair (generous guard)', () => {
  const docs = Array.from({ length: 10_000 }, (_, i) => card(`aws__claude_${i}_sonnet`, `2025-0${(i % 9) + 1}-1${i % 10}`, `c${i}.md`));
  const t0 = performance.now();
  const notes = versionNotes(docs);
  const ms = performance.now() - t0;
  // Pair by pair this took over a minute (4,000 versions: 11 s); a sort takes well under a second.
  assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
  assert.ok(notes.length > 9_000, `${notes.length} notes`);
});

const withLinks = (name: string, links: string[], aliases: string[] = []): ParsedDocument =>
  parseDocument(
    `${name}.md`,
    `---\nlinks:\n${links.map((l) => `  - ${l}`).join('\n') || '  []'}\n${aliases.length ? `aliases:\n${aliases.map((a) => `  - ${a}`).join('\n')}\n` : ''}---\n# ${name}\n\n| Item | Value |\n|---|---|\n| API model name | \`${name}\` |\n`,
  );

test('declared links lead both ways under the name of the model they reach, never to the model itself, each once', () => {
  const r = buildRegistry([[withLinks('aws__claude_9_x', ['old-x', 'vendor-x', 'aws__claude_9_x', 'not-here']), withLinks('vendor-x', [], ['old-x'])]]);
  const a = r.get('aws__claude_9_x')!.entry;
  const v = r.get('vendor-x')!.entry;
  // `old-x` is an alias of `vendor-x`: the two links are one.
  assert.deepEqual(a.links, ['vendor-x', 'not-here']);
  assert.deepEqual(v.links, ['aws__claude_9_x']);
});

test('a card of 100,000 links and 10,000 cards it reaches build in a pass (generous guard)', () => {
  const links = Array.from({ length: 100_000 }, (_, i) => `m${i}`);
  const docs = [withLinks('aws__claude_9_x', links)];
  for (let i = 0; i < 100_000; i += 10) docs.push(card(`m${i}`, '2025-01-01'));
  // Pair by pair this took 22 s; in a pass, half a second.
  const t0 = performance.now();
  const r = buildRegistry([docs]);
  const ms = performance.now() - t0;
  assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
  assert.equal(r.get('aws__claude_9_x')!.entry.links.length, 100_000);
  assert.deepEqual(r.get("m50")!.entry.links, ['aws__claude_9_x']);
});
