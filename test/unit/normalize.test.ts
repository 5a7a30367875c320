import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTrimmed } from '../../server/src/registry/markdown';
import { cleanCell, isNonValue, parseCategory, parseDate, parseThroughput, parseTokenCount, parseYesNo, shortTokens } from '../../server/src/registry/normalize';

const v = <T>(value: T) => ({ kind: 'value', value });

test('token counts in every form the cards use', () => {
  const cases: Array<[string, number]> = [
    ['128k tokens', 128_000],
    ['**128k tokens**', 128_000],
    ['1m', 1_000_000],
    ['10m', 10_000_000],
    ['131k tokens', 131_000],
    ['1,048,576 tokens', 1_048_576],
    ['128,000', 128_000],
    ['128,000トークン', 128_000],
    ['100万トークン', 1_000_000],
    ['100万', 1_000_000],
    ['1,000万', 10_000_000],
    ['200,000トークン', 200_000],
    ['128K', 128_000],
    ['1.5m tokens', 1_500_000],
    ['200000', 200_000],
    ['8k tokens', 8_000],
  ];
  for (const [text, n] of cases) assert.deepEqual(parseTokenCount(text), v(n), text);
});

test('dates in English and Japanese, to day, month or year precision', () => {
  const cases: Array<[string, string]> = [
    ['July 18th, 2024', '2024-07-18'],
    ['March 4th 2024', '2024-03-04'],
    ['February 24, 2025', '2025-02-24'],
    ['May 22nd 2025', '2025-05-22'],
    ['August 31st, 2025', '2025-08-31'],
    ['September 2024', '2024-09'],
    ['2023', '2023'],
    ['2024年7月18日', '2024-07-18'],
    ['2023年10月', '2023-10'],
    ['2021年中頃', '2021'],
    ['middle of 2021', '2021'],
    ['**October 2023**', '2023-10'],
    ['2024-07-18', '2024-07-18'],
  ];
  for (const [text, iso] of cases) assert.deepEqual(parseDate(text), v(iso), text);
  assert.equal(parseDate('February 30th, 2024').kind, 'bad');
  assert.equal(parseDate('soon').kind, 'bad');
});

test('non-values are "none", never an error', () => {
  for (const t of ['Not specified', '**Not specified**', '指定なし', 'TBD', 'N/A', '', '  ', 'Not applicable', '該当なし', '不明', 'unknown', 'Not provided', 'Not specified, similar models offer up to 100 tokens per second']) {
    assert.ok(isNonValue(cleanCell(t)), t);
    assert.deepEqual(parseTokenCount(t), { kind: 'none' }, t);
    assert.deepEqual(parseDate(t), { kind: 'none' }, t);
  }
});

test('garbage in a number cell is "bad"', () => {
  assert.equal(parseTokenCount('lots of tokens').kind, 'bad');
  assert.equal(parseTokenCount('0').kind, 'bad');
});

test('yes/no, category and throughput', () => {
  assert.deepEqual(parseYesNo('**No**'), v(false));
  assert.deepEqual(parseYesNo('はい'), v(true));
  assert.deepEqual(parseYesNo('いいえ'), v(false));
  assert.deepEqual(parseCategory('プレミアム'), v('premium'));
  assert.deepEqual(parseCategory('標準'), v('standard'));
  assert.deepEqual(parseCategory('Standard'), v('standard'));
  assert.deepEqual(parseThroughput('85.4'), v(85.4));
  assert.deepEqual(parseThroughput('1,000'), v(1000));
  assert.deepEqual(parseThroughput('Estimated between 163 - 300'), { kind: 'none' });
  assert.deepEqual(parseThroughput('およそ163～300'), { kind: 'none' });
});

test('cleanCell keeps the underscores of names and drops emphasis and code ticks', () => {
  assert.equal(cleanCell('`azure__openai__gpt_4o_mini`'), 'azure__openai__gpt_4o_mini');
  assert.equal(cleanCell(' **Microsoft Azure** '), 'Microsoft Azure');
  assert.equal(cleanCell('__bold__'), 'bold');
  // Emphasis only when it wraps the whole cell; tags and line breaks wherever they are.
  assert.equal(cleanCell('*128k tokens*'), '128k tokens');
  assert.equal(cleanCell('__init__ and more'), '__init__ and more');
  assert.equal(cleanCell('`__x__`'), 'x');
  assert.equal(cleanCell('2x * 3'), '2x * 3');
  assert.equal(cleanCell('*'), '*');
  assert.equal(cleanCell('a<br>b <span>c</span>'), 'a b c');
  assert.equal(cleanCell('**`aws__claude_3_haiku`**<br/>'), 'aws__claude_3_haiku');
});

test('short token display', () => {
  assert.equal(shortTokens(128_000), '128k');
  assert.equal(shortTokens(1_000_000), '1m');
  assert.equal(shortTokens(1_048_576), '1m');
  assert.equal(shortTokens(10_000_000), '10m');
  assert.equal(shortTokens(16_384), '16k');
  // Binary sizes read the binary way: 65,536 is 64k (not 66k), 2,097,152 is 2m (not 2.1m).
  assert.equal(shortTokens(65_536), '64k');
  assert.equal(shortTokens(2_097_152), '2m');
  assert.equal(shortTokens(200_000), '200k');
  assert.equal(shortTokens(1_500_000), '1.5m');
});

test('isTrimmed is exactly what trim removes, over every UTF-16 code unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isTrimmed(c), String.fromCharCode(c).trim() === '', c.toString(16));
});
