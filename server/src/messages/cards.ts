/**
 * The problems found in model cards, index pages and catalogues, in English and Japanese. A problem keeps its
 * facts (`CardText`: a key and plain values, so it survives the compiled index and JSON output) and is worded
 * in the reader's language when shown; its English wording is its `message`.
 */
import type { FactKey } from '../registry/types';
import { formatSize } from './format';
import { messages, type Locale } from './index';
import type { NameProblem } from '../registry/boxNames';

/** Every problem's wording, by key; the values are strings and numbers. */
type Texts = Record<CardTextKey, (a: ReadonlyArray<string | number>) => string>;

export type CardTextKey =
  | 'fm-single'
  | 'fm-not-name'
  | 'fm-entries'
  | 'fm-list'
  | 'fm-one-of'
  | 'fm-not-date'
  | 'fm-bool'
  | 'fm-url'
  | 'fm-unsafe'
  | 'fm-invalid'
  | 'table-rows'
  | 'duplicate-same'
  | 'duplicate-different'
  | 'fact-bad'
  | 'no-name-row'
  | 'missing-row'
  | 'cutoff-after-release'
  | 'provider-company'
  | 'tile-badges'
  | 'page-no-model'
  | 'page-no-context'
  | 'page-bad'
  | 'tile-other-card'
  | 'tile-no-card'
  | 'fact-conflict'
  | 'bad-name'
  | 'catalog-too-large'
  | 'catalog-not-json'
  | 'catalog-many'
  | 'catalog-shape'
  | 'catalog-id'
  | 'not-litellm'
  | 'not-models-dev'
  | 'name-rules'
  | 'not-a-catalog'
  | 'version-order'
  | 'tile-spelling'
  | 'tile-category';

/** A problem's facts: what it is, its values, and how many more like it were skipped (catalogues). */
export interface CardText {
  key: CardTextKey;
  args: ReadonlyArray<string | number>;
  repeated?: number;
}

const EN_FACTS: Record<FactKey, string> = {
  name: 'API model name',
  displayName: 'Model name',
  category: 'Model category',
  hosting: 'Hosting layer',
  provider: 'Model provider',
  releaseDate: 'Release date',
  knowledgeCutoff: 'Knowledge cutoff date',
  contextWindow: 'Input context window',
  maxOutputTokens: 'Maximum output tokens',
  throughput: 'Empirical throughput',
  openSource: 'Open source',
  ipProtection: 'IP infringement protection',
};

const JA_FACTS: Record<FactKey, string> = {
  name: 'API モデル名',
  displayName: 'モデル名',
  category: 'モデルのカテゴリ',
  hosting: 'ホスティングレイヤー',
  provider: 'モデルプロバイダー',
  releaseDate: 'リリース日',
  knowledgeCutoff: 'ナレッジカットオフ日',
  contextWindow: '入力コンテキストウィンドウ',
  maxOutputTokens: '最大出力トークン数',
  throughput: '実測スループット',
  openSource: 'オープンソース',
  ipProtection: '知的財産権侵害の保護',
};

/** The kind of value a row needs, per row, in both languages. */
const TOKENS = { en: 'token count (such as "128k tokens" or "128,000")', ja: 'トークン数（「128k tokens」や「128,000」など）' };
const DATE = { en: 'date (such as "July 18th, 2024", "September 2024" or "2024年7月18日")', ja: '日付（「July 18th, 2024」「September 2024」「2024年7月18日」など）' };
const YES_NO = { en: 'yes or no', ja: 'はい・いいえ' };
const EXPECTED: Partial<Record<FactKey, { en: string; ja: string }>> = {
  contextWindow: TOKENS,
  maxOutputTokens: TOKENS,
  releaseDate: DATE,
  knowledgeCutoff: DATE,
  openSource: YES_NO,
  ipProtection: YES_NO,
  category: { en: 'category (Standard or Premium)', ja: 'カテゴリ（Standard または Premium）' },
  throughput: { en: 'number of tokens per second', ja: '1 秒あたりのトークン数' },
};
const expected = (key: FactKey, locale: Locale): string => EXPECTED[key]?.[locale] ?? (locale === 'ja' ? '値' : 'value');

const WHAT_JA: Record<string, string> = {
  'API name': 'API 名',
  alias: '別名',
  link: 'リンク',
  successor: '後継',
  'tile title': 'タイルのタイトル',
  'model id': 'モデル ID',
  'token count': 'トークン数',
  date: '日付',
};

const s = (v: string | number | undefined): string => String(v ?? '');
/** A name problem as `name-rules` keeps it: its kind, and the separator after a colon. */
const problemOf = (v: string | number): NameProblem => {
  const [kind, sep] = String(v).split(/:(.*)/s);
  return (sep === undefined ? { kind } : { kind, sep }) as NameProblem;
};
const rules = (locale: Locale, a: ReadonlyArray<string | number>, glue: string) => a.slice(1).map((p) => messages(locale).nameProblem(problemOf(p))).join(glue);
const en = (v: string | number | undefined): string => (typeof v === 'number' ? v.toLocaleString('en-US') : s(v));
const ja = (v: string | number | undefined): string => (typeof v === 'number' ? v.toLocaleString('ja-JP') : s(v));
const fact = (table: Record<FactKey, string>, v: string | number | undefined): string => table[s(v) as FactKey] ?? s(v);
const fmEn = (a: ReadonlyArray<string | number>, why: string) => `Front matter "${s(a[0])}": ${why}`;
const fmJa = (a: ReadonlyArray<string | number>, why: string) => `フロントマターの「${s(a[0])}」: ${why}`;

const EN: Texts = {
  'fm-single': (a) => fmEn(a, 'expected a single value'),
  'fm-not-name': (a) => fmEn(a, `"${s(a[1])}" is not a model name`),
  'fm-entries': (a) => fmEn(a, 'every entry must be a model name (letters, digits, _ - . :)'),
  'fm-list': (a) => fmEn(a, 'expected a list of names'),
  'fm-one-of': (a) => fmEn(a, `expected one of ${s(a[1])}, not "${s(a[2])}"`),
  'fm-not-date': (a) => fmEn(a, `"${s(a[1])}" is not a date`),
  'fm-bool': (a) => fmEn(a, 'expected true or false'),
  'fm-url': (a) => fmEn(a, 'expected an http(s) URL'),
  'fm-unsafe': (a) => `Front matter in "${s(a[0])}" is not read: only YAML front matter is accepted, because other front-matter languages can run code.`,
  'fm-invalid': (a) => `Front matter is not valid YAML: ${s(a[0])}`,
  'table-rows': (a) => `Only the first ${en(a[0])} table rows of a card are read; the rest, from here on, are not.`,
  'duplicate-same': (a) => `"${s(a[0])}" appears twice (first on line ${s(a[1])}); the repeat says the same.`,
  'duplicate-different': (a) => `"${s(a[0])}" appears twice with different values: "${s(a[1])}" (line ${s(a[2])}) and "${s(a[3])}". The first is used.`,
  'fact-bad': (a) => `${fact(EN_FACTS, a[0])}: "${s(a[1])}" is not a ${expected(s(a[0]) as FactKey, 'en')}.`,
  'no-name-row': () => 'This card has no "API model name" row, so it names no model.',
  'missing-row': (a) => `This card has no "${fact(EN_FACTS, a[0])}" row.`,
  'cutoff-after-release': (a) => `The knowledge cut-off (${s(a[0])}) is after the release date (${s(a[1])}).`,
  'provider-company': (a) => `The provider is given as "${s(a[0])}", but ${s(a[1])} is a model by ${s(a[2])}.`,
  'tile-badges': (a) => `The tile "${s(a[0])}" shows contradicting status badges: ${a.slice(1).map(s).join(' and ')}.`,
  'page-no-model': () => 'This catalogue page names no model.',
  'page-no-context': () => 'This catalogue page gives no context length.',
  'page-bad': (a) => `"${s(a[0])}" is not a ${s(a[1])}.`,
  'tile-other-card': (a) => `The tile "${s(a[0])}" links to ${s(a[1])}, which is the card of "${s(a[2])}" (${s(a[3])}).`,
  'tile-no-card': (a) => `The tile "${s(a[0])}" links to ${s(a[1])}, but no card in this folder has that name.`,
  'fact-conflict': (a) => `${fact(EN_FACTS, a[0])} of ${s(a[1])}: this card says "${s(a[2])}" but ${s(a[3])} (line ${s(a[4])}) says "${s(a[5])}".`,
  'bad-name': (a) => `The ${s(a[1])} ${s(a[0])} is not a model name: names use only letters, digits and _ . - : @ / (at most 128 characters). It is left out.`,
  'catalog-too-large': (a) => `This catalogue is larger than ${formatSize(Number(a[0]))} and was not read.`,
  'catalog-not-json': (a) => `This catalogue is not valid JSON (${s(a[0])}).`,
  'catalog-many': (a) => `More than ${en(a[0])} models: the rest were not read.`,
  'catalog-shape': (a) => `The entry "${s(a[0])}" is not an object; skipped.`,
  'catalog-id': (a) => `"${s(a[0])}" is not a model id (letters, digits and _ . - : @ / only, at most 128 characters); skipped.`,
  'not-litellm': () => 'This is not a LiteLLM catalogue: expected an object of models.',
  'not-models-dev': () => 'This is not a models.dev catalogue: expected providers with a "models" object.',
  'name-rules': (a) => `"${s(a[0])}" breaks the Box naming rules: ${rules('en', a, '; ')}.`,
  'not-a-catalog': () => 'This JSON file is neither a models.dev nor a LiteLLM catalogue.',
  'version-order': (a) => `${s(a[0])} (version ${s(a[1])}) is dated ${s(a[2])}, before the older ${s(a[3])} (${s(a[4])}); the release date may have been copied from another card.`,
  'tile-spelling': (a) => `The card spells the API name "${s(a[0])}" but its tile in ${s(a[1])} (line ${s(a[2])}) says "${s(a[3])}". The tile's spelling is the one the API accepts.`,
  'tile-category': (a) => `The card says ${s(a[0])} is ${s(a[1])} but its tile in ${s(a[2])} (line ${s(a[3])}) says ${s(a[4])}.`,
};

const JA: Texts = {
  'fm-single': (a) => fmJa(a, '値は 1 つです'),
  'fm-not-name': (a) => fmJa(a, `「${s(a[1])}」はモデル名ではありません`),
  'fm-entries': (a) => fmJa(a, '各項目はモデル名です（英数字と _ - . :）'),
  'fm-list': (a) => fmJa(a, '名前のリストです'),
  'fm-one-of': (a) => fmJa(a, `「${s(a[2])}」ではなく ${s(a[1])} のいずれかです`),
  'fm-not-date': (a) => fmJa(a, `「${s(a[1])}」は日付ではありません`),
  'fm-bool': (a) => fmJa(a, 'true または false です'),
  'fm-url': (a) => fmJa(a, 'http(s) の URL です'),
  'fm-unsafe': (a) => `「${s(a[0])}」のフロントマターは読みません: ほかのフロントマター言語はコードを実行できるため、YAML だけを受け付けます。`,
  'fm-invalid': (a) => `フロントマターが正しい YAML ではありません: ${s(a[0])}`,
  'table-rows': (a) => `カードの表は最初の ${ja(a[0])} 行だけを読みます。ここから後は読みません。`,
  'duplicate-same': (a) => `「${s(a[0])}」が 2 回あります（最初は ${s(a[1])} 行目）。繰り返しの内容は同じです。`,
  'duplicate-different': (a) => `「${s(a[0])}」が異なる値で 2 回あります: 「${s(a[1])}」（${s(a[2])} 行目）と「${s(a[3])}」。最初の値を使います。`,
  'fact-bad': (a) => `${fact(JA_FACTS, a[0])}: 「${s(a[1])}」は${expected(s(a[0]) as FactKey, 'ja')}ではありません。`,
  'no-name-row': () => 'このカードには「API モデル名」の行がないため、モデルを表していません。',
  'missing-row': (a) => `このカードには「${fact(JA_FACTS, a[0])}」の行がありません。`,
  'cutoff-after-release': (a) => `ナレッジカットオフ（${s(a[0])}）がリリース日（${s(a[1])}）より後です。`,
  'provider-company': (a) => `プロバイダーが「${s(a[0])}」となっていますが、${s(a[1])} は ${s(a[2])} のモデルです。`,
  'tile-badges': (a) => `タイル「${s(a[0])}」に矛盾するステータスのバッジがあります: ${a.slice(1).map(s).join('、')}。`,
  'page-no-model': () => 'このカタログページはモデルを示していません。',
  'page-no-context': () => 'このカタログページにはコンテキスト長がありません。',
  'page-bad': (a) => `「${s(a[0])}」は${WHAT_JA[s(a[1])] ?? s(a[1])}ではありません。`,
  'tile-other-card': (a) => `タイル「${s(a[0])}」のリンク先 ${s(a[1])} は「${s(a[2])}」のカードです（${s(a[3])}）。`,
  'tile-no-card': (a) => `タイル「${s(a[0])}」は ${s(a[1])} にリンクしていますが、このフォルダーにその名前のカードはありません。`,
  'fact-conflict': (a) => `${s(a[1])} の${fact(JA_FACTS, a[0])}: このカードは「${s(a[2])}」ですが、${s(a[3])}（${s(a[4])} 行目）は「${s(a[5])}」です。`,
  'bad-name': (a) => `${WHAT_JA[s(a[1])] ?? s(a[1])} ${s(a[0])} はモデル名ではありません: 名前に使えるのは英数字と _ . - : @ / だけです（最大 128 文字）。除外します。`,
  'catalog-too-large': (a) => `このカタログは ${formatSize(Number(a[0]))} より大きいため、読みませんでした。`,
  'catalog-not-json': (a) => `このカタログは正しい JSON ではありません（${s(a[0])}）。`,
  'catalog-many': (a) => `モデルが ${ja(a[0])} 件を超えています: 残りは読みませんでした。`,
  'catalog-shape': (a) => `項目「${s(a[0])}」はオブジェクトではないため、スキップしました。`,
  'catalog-id': (a) => `「${s(a[0])}」はモデル ID ではありません（英数字と _ . - : @ / のみ、最大 128 文字）。スキップしました。`,
  'not-litellm': () => 'LiteLLM のカタログではありません: モデルのオブジェクトが必要です。',
  'not-models-dev': () => 'models.dev のカタログではありません: 「models」オブジェクトを持つプロバイダーが必要です。',
  'name-rules': (a) => `「${s(a[0])}」は Box の命名規則に反しています: ${rules('ja', a, '、')}。`,
  'not-a-catalog': () => 'この JSON ファイルは models.dev と LiteLLM のどちらのカタログでもありません。',
  'version-order': (a) => `${s(a[0])}（バージョン ${s(a[1])}）の日付 ${s(a[2])} が、より古い ${s(a[3])}（${s(a[4])}）より前です。リリース日が別のカードからコピーされた可能性があります。`,
  'tile-spelling': (a) => `カードの API 名は「${s(a[0])}」ですが、${s(a[1])}（${s(a[2])} 行目）のタイルは「${s(a[3])}」です。API が受け付けるのはタイルの綴りです。`,
  'tile-category': (a) => `カードでは ${s(a[0])} は ${s(a[1])} ですが、${s(a[2])}（${s(a[3])} 行目）のタイルは ${s(a[4])} です。`,
};

/** A problem in words, in a language. */
export function cardText(t: CardText, locale: Locale = 'en'): string {
  const base = (locale === 'ja' ? JA : EN)[t.key](t.args);
  if (!t.repeated || t.repeated <= 1) return base;
  return locale === 'ja' ? `${base}（同様の ${ja(t.repeated)} 件をスキップしました）` : `${base} (${en(t.repeated)} entries like this were skipped)`;
}
