/**
 * The docs' index page: one `<Tile title="<api name>" href="…">` per model,
 * with badges for status, category, purpose and "Default for …", grouped in
 * sections (customer-enabled models have their own).
 */
import type { CardDiagnostic, Category, Lang, ParsedIndex, Purpose, Span, Status, Tile } from './types';
import { cardProblem, said } from './intern';

/** Lookup tables without a prototype: a badge called "constructor" is just an unknown badge. */
const table = <T>(entries: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, entries);

const BADGE_STATUS: Record<string, Status> = table({
  available: 'available',
  preview: 'preview',
  beta: 'beta',
  deprecated: 'deprecated',
  retired: 'retired',
  利用可能: 'available',
  プレビュー: 'preview',
  ベータ: 'beta',
  ベータ版: 'beta',
  非推奨: 'deprecated',
});
const BADGE_CATEGORY: Record<string, Category> = table({ standard: 'standard', premium: 'premium', 標準: 'standard', プレミアム: 'premium' });
const BADGE_PURPOSE: Record<string, Purpose> = table({ chat: 'chat', embeddings: 'embeddings', チャット: 'chat', 埋め込み: 'embeddings' });

export function looksLikeIndex(text: string): boolean {
  return /<Tile\b[^<>]{0,2000}?\btitle\s*=/.test(text);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function spanAt(starts: number[], offset: number, length: number): Span {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - starts[lo], endLine: lo, endColumn: offset - starts[lo] + length };
}

function attr(attrs: string, name: string): { value: string; offset: number } | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(["'])([^"'\\n]{0,500})\\1`).exec(attrs);
  return m ? { value: m[2], offset: m.index + m[0].indexOf(m[1]) + 1 } : null;
}

export function parseBoxIndex(file: string, text: string): ParsedIndex {
  const starts = lineStarts(text);
  const diagnostics: CardDiagnostic[] = [];
  const tiles: Tile[] = [];
  const headings: Array<{ offset: number; customer: boolean }> = [];
  for (const m of text.matchAll(/^#{2}\s+(.+)$/gm)) {
    headings.push({ offset: m.index ?? 0, customer: /customer[\s-]*enabled|顧客/i.test(m[1]) });
  }
  let japanese = false;
  const tileRe = /<Tile\b([^<>]{0,2000})>([\s\S]{0,20000}?)(?:<\/Tile>|(?=<Tile\b)|$)/g;
  for (const m of text.matchAll(tileRe)) {
    const tileOffset = m.index ?? 0;
    const attrsOffset = tileOffset + '<Tile'.length;
    const title = attr(m[1], 'title');
    // A tile's title is an API name; anything else is not a model.
    if (!title || !/^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$/.test(title.value.trim())) continue;
    const href = attr(m[1], 'href')?.value ?? '';
    const at = spanAt(starts, attrsOffset + title.offset, title.value.length);
    const statusBadges: Status[] = [];
    let category: Category | null = null;
    let purpose: Purpose | null = null;
    const defaultFor: string[] = [];
    for (const b of m[2].matchAll(/<strong\b[^<>]{0,500}>([^<]{0,200})<\/strong>/g)) {
      const badge = b[1].replace(/\s+/g, ' ').trim();
      const key = badge.toLowerCase();
      if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(badge)) japanese = true;
      if (BADGE_STATUS[key]) statusBadges.push(BADGE_STATUS[key]);
      else if (BADGE_CATEGORY[key]) category = BADGE_CATEGORY[key];
      else if (BADGE_PURPOSE[key]) purpose = BADGE_PURPOSE[key];
      else {
        const d = /^(?:default for|デフォルト[:：]?)\s*(.+)$/i.exec(badge);
        if (d) defaultFor.push(d[1].trim());
      }
    }
    let customerEnabled = false;
    for (const h of headings) if (h.offset < tileOffset) customerEnabled = h.customer;
    const distinct = [...new Set(statusBadges)];
    if (distinct.length > 1) {
      diagnostics.push(cardProblem(file, at, 'warning', 'card-conflict', said('tile-badges', title.value, ...distinct), []));
    }
    // A tile that says both "Preview" and "Available" is taken as available: the model can be called.
    const status = distinct.includes('available') ? 'available' : (distinct[0] ?? null);
    tiles.push({ title: title.value.trim(), href, at, status, statusBadges, category, purpose, customerEnabled, defaultFor });
  }
  const lang: Lang = japanese || /顧客|モデル/.test(text) ? 'ja' : 'en';
  return { kind: 'index', file, lang, tiles, diagnostics };
}
