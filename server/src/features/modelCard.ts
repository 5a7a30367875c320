/**
 * The hover card: a model's facts as Markdown, in English or Japanese.
 * Everything that comes from a card is escaped: no raw HTML, no links but
 * the ones Model Lens builds (the card file and an http(s) documentation link).
 */
import { pathToFileURL } from 'node:url';
import { shortTokens, tokenUpperBound, type FactKey, type Lang, type ModelEntry, type Registry } from '../registry';

import type { Locale } from '../messages';

export type { Locale };

const LABELS: Record<Locale, Record<string, string>> = {
  en: {
    status: 'Status',
    provider: 'Provider',
    hosting: 'Hosting',
    category: 'Category',
    purpose: 'Purpose',
    contextWindow: 'Context window',
    maxOutputTokens: 'Maximum output',
    releaseDate: 'Release date',
    knowledgeCutoff: 'Knowledge cut-off',
    throughput: 'Throughput',
    openSource: 'Open source',
    aliases: 'Also written',
    link: 'Same model',
    card: 'Open model card',
    docs: 'Official documentation',
    englishOnly: 'The description is in English: this model has no Japanese card yet.',
    contextShort: 'context',
    outShort: 'out',
    tokens: 'tokens',
    perSecond: 'tokens/s',
    yes: 'Yes',
    no: 'No',
    successor: 'use',
    retired: 'Retired',
    renamed: 'Renamed',
    removed: 'Removed',
    deprecated: 'Deprecated',
    available: 'Available',
    preview: 'Preview',
    beta: 'Beta',
    standard: 'Standard',
    premium: 'Premium',
    chat: 'Chat',
    embeddings: 'Embeddings',
    customer: 'Customer-enabled',
    defaultFor: 'Default for',
    conflict: 'Cards disagree',
    box: 'Box AI API name',
    vendor: 'Vendor model id',
    version: 'Version',
    upTo: 'up to',
    from: 'from',
    listed: 'Listed in',
  },
  ja: {
    status: 'ステータス',
    provider: 'モデルプロバイダ',
    hosting: 'ホスティングレイヤー',
    category: 'モデルのカテゴリ',
    purpose: '用途',
    contextWindow: '入力コンテキストウィンドウ',
    maxOutputTokens: '出力トークンの最大数',
    releaseDate: 'リリース日',
    knowledgeCutoff: 'ナレッジカットオフ日',
    throughput: '経験に基づいたスループット',
    openSource: 'オープンソース',
    aliases: '別表記',
    link: '同じモデル',
    card: 'モデルカードを開く',
    docs: '公式ドキュメント',
    englishOnly: '説明は英語です（このモデルの日本語のカードはまだありません）。',
    contextShort: 'コンテキスト',
    outShort: '出力',
    tokens: 'トークン',
    perSecond: 'トークン/秒',
    yes: 'はい',
    no: 'いいえ',
    successor: '後継',
    retired: '提供終了',
    renamed: '名称変更',
    removed: '削除',
    deprecated: '非推奨',
    available: '利用可能',
    preview: 'プレビュー',
    beta: 'ベータ',
    standard: '標準',
    premium: 'プレミアム',
    chat: 'チャット',
    embeddings: '埋め込み',
    customer: '顧客が有効化するモデル',
    defaultFor: 'デフォルト',
    conflict: 'カードの記載が一致しません',
    box: 'Box AI API名',
    vendor: 'ベンダーのモデルID',
    version: 'バージョン',
    upTo: '最大',
    from: '出典:',
    listed: '掲載:',
  },
};

function label(locale: Locale, key: string): string {
  return LABELS[locale][key] ?? LABELS.en[key] ?? key;
}

/** Escape text for Markdown: no emphasis, links, HTML or code spans can come from a card. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([#+\-=]|\d+[.)])/, '\\$1');
}

/** A name in a code span: backticks inside are impossible in names, but never trust input. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n\u2028\u2029]+/g, ' ')}\``;
}

const num = (n: number, locale: Locale) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');

function date(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (locale === 'ja') return d ? `${y}年${m}月${d}日` : m ? `${y}年${m}月` : `${y}年`;
  const month = m ? new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }) : '';
  return d ? `${month} ${d}, ${y}` : m ? `${month} ${y}` : String(y);
}

/** The value of one fact as the card in this language wrote it, else formatted from the normalised value. */
function factText(entry: ModelEntry, key: FactKey, locale: Locale): string | null {
  const fact = entry.facts[key];
  const value = fact?.value ?? null;
  const raw = fact?.raw[locale as Lang];
  if (value === null) return raw ? escapeMarkdown(raw) : null;
  // In Japanese, the Japanese card's own wording (`128,000トークン`, `2024年7月18日`).
  if (locale === 'ja' && raw && key !== 'openSource') return escapeMarkdown(raw);
  switch (key) {
    case 'contextWindow':
    case 'maxOutputTokens': {
      const n = value as number;
      const bound = fact!.exact ? null : tokenUpperBound(fact!.raw.en ?? fact!.raw.ja ?? String(n), n);
      const range = bound !== null && bound !== n ? `${shortTokens(n)}, ${label(locale, 'upTo')} ${num(bound, locale)}` : shortTokens(n);
      const from = fact!.origin ? ` · ${label(locale, 'from')} ${escapeMarkdown(fact!.origin)}` : '';
      return `${num(n, locale)}${locale === 'ja' ? '' : ' '}${label(locale, 'tokens')} (${range})${from}`;
    }
    case 'releaseDate':
    case 'knowledgeCutoff':
      return date(value as string, locale);
    case 'throughput':
      return `${num(value as number, locale)} ${label(locale, 'perSecond')}`;
    case 'openSource':
      return label(locale, value ? 'yes' : 'no');
    default:
      return escapeMarkdown(String(value));
  }
}

function statusLine(entry: ModelEntry, locale: Locale): string {
  const L = (k: string) => label(locale, k);
  // A model that only a catalogue lists: its lifecycle is not known, only that it was listed.
  if (!entry.lifecycleKnown) return `${L('listed')} ${entry.catalogs.map(escapeMarkdown).join(', ')}`;
  if (entry.status === 'retired') {
    const how = entry.retiredReason === 'renamed' ? L('renamed') : entry.retiredReason === 'removed' ? L('removed') : L('retired');
    const when = entry.retiredDate ? ` ${date(entry.retiredDate, locale)}` : '';
    const succ = entry.successor ? ` → ${L('successor')} ${code(entry.successor)}` : '';
    return `${how}${when}${succ}`;
  }
  if (entry.status === 'deprecated') {
    const when = entry.deprecatedDate ? ` ${date(entry.deprecatedDate, locale)}` : '';
    return `${L('deprecated')}${when}${entry.successor ? ` → ${L('successor')} ${code(entry.successor)}` : ''}`;
  }
  return L(entry.status);
}

/** The one-line summary used as a completion item's detail: `Microsoft Azure · 128k context · 16k out · Standard`. */
export function detailLine(entry: ModelEntry, locale: Locale = 'en'): string {
  const L = (k: string) => label(locale, k);
  const parts: string[] = [];
  if (entry.provider) parts.push(entry.provider);
  if (entry.contextWindow !== null) parts.push(`${shortTokens(entry.contextWindow)} ${L('contextShort')}`);
  if (entry.maxOutputTokens !== null) parts.push(`${shortTokens(entry.maxOutputTokens)} ${L('outShort')}`);
  if (entry.category) parts.push(L(entry.category === 'premium' ? 'premium' : 'standard'));
  if (entry.purpose === 'embeddings') parts.push(L('embeddings'));
  if (entry.status !== 'available') parts.push(entry.status === 'retired' ? `${L('retired')}${entry.successor ? ` → ${entry.successor}` : ''}` : L(entry.status));
  return parts.join(' · ');
}

interface CardLink {
  file: string;
  line: number;
}

/** The card's file and line as a link; null for a card that is not a file on disk (the browser build's built-in data). */
export function cardUri(link: CardLink): string | null {
  if (!/^(?:\/|[A-Za-z]:[\\/])/.test(link.file)) return null;
  return `${pathToFileURL(link.file).toString()}#L${link.line + 1}`;
}

/** The whole hover card. `written` is the spelling found in the document when it differs from the name. */
export function renderCard(entry: ModelEntry, registry: Registry, locale: Locale, written?: string): string {
  const L = (k: string) => label(locale, k);
  const out: string[] = [];
  const title = entry.displayName ? `**${escapeMarkdown(entry.displayName)}** · ${code(entry.name)}` : `**${code(entry.name)}**`;
  out.push(`${title}  \n${L(entry.namespace)} · ${statusLine(entry, locale)}`);
  if (written && written !== entry.name) out.push(`${code(written)} → ${code(entry.name)}`);
  const desc = entry.description[locale] ?? entry.description.en;
  if (desc) out.push(escapeMarkdown(desc) + (locale !== 'en' && !entry.description[locale] ? `  \n_${L('englishOnly')}_` : ''));

  const rows: Array<[string, string | null]> = [
    [L('provider'), factText(entry, 'provider', locale)],
    [L('hosting'), factText(entry, 'hosting', locale)],
    [L('category'), entry.category ? L(entry.category) + (entry.customerEnabled ? ` · ${L('customer')}` : '') : null],
    [L('purpose'), L(entry.purpose)],
    [L('contextWindow'), factText(entry, 'contextWindow', locale)],
    [L('maxOutputTokens'), factText(entry, 'maxOutputTokens', locale)],
    [L('releaseDate'), factText(entry, 'releaseDate', locale)],
    [L('knowledgeCutoff'), factText(entry, 'knowledgeCutoff', locale)],
    [L('throughput'), factText(entry, 'throughput', locale)],
    [L('openSource'), factText(entry, 'openSource', locale)],
    [L('version'), entry.version ? escapeMarkdown(entry.version) : null],
    [L('defaultFor'), entry.defaultFor.length ? entry.defaultFor.map(escapeMarkdown).join(', ') : null],
  ];
  const table = rows.filter((r): r is [string, string] => r[1] !== null);
  if (table.length) out.push(['| | |', '|---|---|', ...table.map(([k, v]) => `| ${k} | ${v} |`)].join('\n'));

  if (entry.conflicts.length) {
    out.push(
      `${L('conflict')}: ` +
        entry.conflicts.map((c) => `${escapeMarkdown(c.field)} (${c.values.map((v) => escapeMarkdown(v.raw)).join(' / ')})`).join('; '),
    );
  }
  const links = entry.links.map((n) => registry.get(n)?.entry).filter((e): e is ModelEntry => e !== undefined);
  if (links.length) out.push(`${L('link')}: ${links.map((e) => `${code(e.name)} (${L(e.namespace)})`).join(', ')}`);
  if (entry.aliases.length) out.push(`${L('aliases')}: ${entry.aliases.map(code).join(', ')}`);

  const footer: string[] = [];
  const card = preferredSource(entry, locale);
  const cardLink = card ? cardUri(card) : null;
  if (cardLink) footer.push(`[${L('card')}](${cardLink})`);
  if (entry.docsUrl && /^https?:\/\/[^\s()<>]+$/i.test(entry.docsUrl)) footer.push(`[${L('docs')}](${entry.docsUrl})`);
  if (footer.length) out.push(footer.join(' · '));
  return out.join('\n\n');
}

/** The card to open for a model: one in the user's language when there is one, else the first. */
export function preferredSource(entry: ModelEntry, locale: Locale): CardLink | null {
  const cards = entry.sources.filter((s) => !/index\.md$/i.test(s.file));
  const list = cards.length ? cards : entry.sources;
  if (!list.length) return null;
  const inLocale = locale === 'ja' ? list.find((s) => /[/\\]ja[/\\]/.test(s.file)) : list.find((s) => !/[/\\]ja[/\\]/.test(s.file));
  const s = inLocale ?? list[0];
  return { file: s.file, line: s.line };
}
