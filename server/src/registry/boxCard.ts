/**
 * Box's model-card format (and ours): YAML front matter plus a
 * "Model details" table of label | value [| description] rows, in English
 * or Japanese.
 */
import { MAX_TABLE_ROWS, readLinkDefinitions, readTables, type FrontMatter, type Table } from './markdown';
import {
  cleanCell,
  parseCategory,
  parseDate,
  parseText,
  parseThroughput,
  parseTokenCount,
  parseYesNo,
  type Parsed,
} from './normalize';
import { boxNameProblems, canonicalBoxSpelling, hasBoxProviderPrefix } from './boxNames';
import { cardProblem, copyOf, intern, said, sourceRef, trimmed } from './intern';
import type { CardText, CardTextKey } from '../messages/cards';
import type {
  CardDiagnostic,
  CardFacts,
  CardMeta,
  Fact,
  FactKey,
  FactTypes,
  Lang,
  ParsedCard,
  Span,
  Status,
} from './types';

/** Row labels, folded by {@link labelKey}, in every spelling seen in cards. */
/** Labels seen, and their keys (cards use a few dozen labels). Declared before the tables below, which use `labelKey`. */
const labelKeys = new Map<string, string>();
const LABELS: Record<string, FactKey> = Object.create(null) as Record<string, FactKey>;
const LABEL_LIST: Array<[FactKey, string[]]> = [
  ['displayName', ['model name', 'name', 'display name', 'モデル名']],
  ['name', ['api model name', 'api name', 'model api name', 'api model id', 'model id', 'apiモデル名', 'api名', 'モデルid']],
  ['category', ['model category', 'category', 'capability tier', 'モデルのカテゴリ', 'カテゴリ']],
  ['hosting', ['hosting layer', 'hosting', 'hosted by', 'ホスティングレイヤー', 'ホスティング']],
  ['provider', ['model provider', 'provider', 'モデルプロバイダ', 'モデルプロバイダー', 'プロバイダ', 'プロバイダー']],
  ['releaseDate', ['release date', 'released', 'リリース日']],
  ['knowledgeCutoff', ['knowledge cutoff date', 'knowledge cutoff', 'knowledge cut-off date', 'knowledge cut-off', 'training data', 'training cut-off date', 'ナレッジカットオフ日', 'ナレッジカットオフ']],
  ['contextWindow', ['input context window', 'context window', 'context length', 'input context length', '入力コンテキストウィンドウ', 'コンテキストウィンドウ', 'コンテキスト長']],
  ['maxOutputTokens', ['maximum output tokens', 'max output tokens', 'maximum output', 'output tokens', '出力トークンの最大数', '最大出力トークン数']],
  ['throughput', ['empirical throughput', 'throughput', '経験に基づいたスループット', 'スループット']],
  ['openSource', ['open source', 'オープンソース']],
  ['ipProtection', ['ip infringement protection', '知的財産侵害からの保護']],
];
for (const [key, spellings] of LABEL_LIST) for (const s of spellings) LABELS[labelKey(s)] = key;

const HEADER_LABELS = new Set(['item', 'field', 'property', '項目'].map(labelKey));

/** Fold a label: case, spaces, punctuation and Markdown emphasis do not matter. */
function labelKey(label: string): string {
  let key = labelKeys.get(label);
  if (key === undefined) {
    key = cleanCell(label).toLowerCase().replace(/[\s*_`:：\-()（）]+/g, '');
    if (labelKeys.size >= 1000) labelKeys.clear();
    labelKeys.set(intern(label), key); // a copy: the label may be a view into a whole card's text
  }
  return key;
}

const JA_LABEL = /[\u3040-\u30ff\u4e00-\u9fff]/;

type FactParser = { [K in FactKey]: (text: string) => Parsed<FactTypes[K]> };
const PARSERS: FactParser = {
  name: (t) => parseText(t),
  displayName: (t) => parseText(t),
  category: parseCategory,
  hosting: (t) => parseText(t),
  provider: (t) => parseText(t),
  releaseDate: parseDate,
  knowledgeCutoff: parseDate,
  contextWindow: parseTokenCount,
  maxOutputTokens: parseTokenCount,
  throughput: parseThroughput,
  openSource: parseYesNo,
  ipProtection: parseYesNo,
};

/** Rows every card is expected to have; a missing one is reported. */
const EXPECTED: FactKey[] = ['displayName', 'name', 'hosting', 'provider', 'releaseDate', 'knowledgeCutoff', 'contextWindow', 'maxOutputTokens'];

/** Does this text look like a Box model card (a table with an API-name row)? */
export function looksLikeBoxCard(lines: string[]): boolean {
  let recognised = 0;
  let hasName = false;
  for (const line of lines) {
    if (!/^\s*\|/.test(line)) continue;
    // The text between the first pipe and the next (or the end): `split('|')[1]`, without splitting the whole row.
    const open = line.indexOf('|');
    const close = line.indexOf('|', open + 1);
    const label = close < 0 ? line.slice(open + 1) : line.slice(open + 1, close);
    const key = LABELS[labelKey(label)];
    if (key) recognised++;
    if (key === 'name') {
      hasName = true;
      // "API model name" alone is distinctive enough; a bare "Model ID" row needs company.
      if (/api/.test(labelKey(label))) return true;
    }
    if (hasName && recognised >= 2) return true;
  }
  return false;
}

function pickDetailsTable(tables: Table[]): Table | null {
  let best: Table | null = null;
  let bestScore = 0;
  for (const t of tables) {
    let score = 0;
    for (const r of t.rows) if (r.cells.length >= 2 && LABELS[labelKey(r.cells[0].text)]) score++;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return bestScore >= 1 ? best : null;
}

/** The span of the value inside its cell: the name inside backticks, the text inside `**…**`. */
function valueSpan(cellText: string, at: Span, cleaned: string): Span {
  const idx = cleaned ? cellText.indexOf(cleaned) : -1;
  if (idx < 0) return at;
  return { line: at.line, column: at.column + idx, endLine: at.line, endColumn: at.column + idx + cleaned.length };
}

const STATUSES: readonly Status[] = ['available', 'preview', 'beta', 'deprecated', 'retired'];
/** What a name in front matter may look like: it ends up in code (quick fixes) and in hovers. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.\-:@]{0,99}$/;

function readMeta(fm: FrontMatter | null, file: string, diagnostics: CardDiagnostic[]): CardMeta {
  const meta: CardMeta = {};
  const data = fm?.data;
  if (!fm || !data) return meta;
  const at: Span = { line: fm.startLine, column: 0, endLine: fm.startLine, endColumn: 3 };
  const bad = (kind: CardTextKey, key: string, ...args: string[]) => diagnostics.push(cardProblem(file, at, 'warning', 'card-bad-value', said(kind, key, ...args), []));
  const str = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
    bad('fm-single', key);
    return undefined;
  };
  const name = (key: string): string | undefined => {
    const v = str(key);
    if (v === undefined || NAME.test(v)) return v;
    bad('fm-not-name', key, v.slice(0, 80));
    return undefined;
  };
  const names = (key: string): string[] | undefined => {
    const v = list(key);
    if (v === undefined) return undefined;
    const ok = v.filter((x) => NAME.test(x));
    if (ok.length !== v.length) bad('fm-entries', key);
    return ok;
  };
  const list = (key: string): string[] | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    const items = Array.isArray(v) ? v : [v];
    const out = items.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim());
    if (out.length !== items.length) bad('fm-list', key);
    return out.filter(Boolean);
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = str(key)?.toLowerCase();
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    bad('fm-one-of', key, allowed.join(', '), v);
    return undefined;
  };
  const date = (key: string): string | undefined => {
    const v = str(key);
    if (v === undefined) return undefined;
    const p = parseDate(v);
    if (p.kind === 'value') return p.value;
    bad('fm-not-date', key, v);
    return undefined;
  };
  meta.namespace = oneOf('namespace', ['box', 'vendor'] as const);
  meta.status = oneOf('status', STATUSES);
  meta.category = oneOf('category', ['standard', 'premium'] as const);
  meta.purpose = oneOf('purpose', ['chat', 'embeddings'] as const);
  meta.successor = name('successor');
  meta.aliases = names('aliases');
  meta.links = names('links');
  meta.deprecated = date('deprecated');
  meta.retired = date('retired');
  meta.retiredReason = oneOf('retired_reason', ['removed', 'renamed', 'legacy'] as const);
  const ce = data.customer_enabled;
  if (ce !== undefined && ce !== null) {
    if (typeof ce === 'boolean') meta.customerEnabled = ce;
    else bad('fm-bool', 'customer_enabled');
  }
  meta.defaultFor = list('default_for')?.map((x) => x.replace(/[\r\n]+/g, ' ').slice(0, 200));
  const docs = str('docs');
  if (docs !== undefined) {
    if (/^https?:\/\/\S+$/i.test(docs)) meta.docs = docs;
    else bad('fm-url', 'docs');
  }
  meta.version = name('version');
  meta.languages = names('languages');
  meta.inputTypes = names('input_types');
  meta.outputTypes = names('output_types');
  for (const k of Object.keys(meta) as Array<keyof CardMeta>) if (meta[k] === undefined) delete meta[k];
  return meta;
}

function findTitleAndDescription(lines: string[], from: number): { title: string | null; description: string | null } {
  let title: string | null = null;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('# ') || line.startsWith('#\t')) {
      // Trimmed by hand: a regex here is cubic on long lines of spaces.
      title = cleanCell(line.slice(2).trim().replace(/\s#+$/, ''));
      i++;
      break;
    }
  }
  if (title === null) return { title: null, description: null };
  const para: string[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '') {
      if (para.length) break;
      continue;
    }
    if (/^(?:#|\||<|\[)/.test(l)) break;
    para.push(l);
  }
  const text = para.join(' ').slice(0, 4000);
  const description = para.length ? cleanCell(text.replace(/\[([^\][]{0,300})\]\[[^\][]{0,100}\]|\[([^\][]{0,300})\]\([^()\s]{0,500}\)/g, '$1$2')) : null;
  return { title, description };
}

function findDocsUrl(lines: string[], from: number): string | null {
  const defs = readLinkDefinitions(lines, from);
  // The link the "Additional documentation" section points at, else the first outside link.
  let inDocs = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (/^#{1,6}\s/.test(line)) inDocs = /additional documentation|その他のドキュメント|documentation/i.test(line);
    if (!inDocs) continue;
    for (const m of line.matchAll(/\]\[([^\]]+)\]|\]\((https?:[^)\s]+)\)/g)) {
      const url = m[2] ?? defs.get(m[1].toLowerCase())?.url;
      if (url && /^https?:/i.test(url)) return url;
    }
  }
  for (const d of defs.values()) if (/^https?:/i.test(d.url) && !/box\.com/i.test(d.url)) return d.url;
  return null;
}

/** Parse one Box-format model card. Never throws; every problem becomes a diagnostic (its notes only when `notes` is set). */
export function parseBoxCard(file: string, lines: string[], fm: FrontMatter | null, notes = true): ParsedCard {
  const diagnostics: CardDiagnostic[] = [];
  const report = (at: Span, severity: CardDiagnostic['severity'], code: CardDiagnostic['code'], message: string | CardText, suggestions: string[] = []) => {
    if (notes || severity !== 'info') diagnostics.push(cardProblem(file, at, severity, code, message, suggestions));
  };

  if (fm?.problem) report(fm.problem.at, fm.problem.kind === 'unsafe' ? 'error' : 'warning', fm.problem.kind === 'unsafe' ? 'card-unsafe-front-matter' : 'card-bad-value', fm.problem.message);
  const meta = readMeta(fm, file, diagnostics);
  const bodyStart = fm ? fm.endLine + 1 : 0;
  const heading = findTitleAndDescription(lines, bodyStart);
  // Copies of their own: a view into the card's text would keep the whole text alive as long as the card is loaded.
  const title = heading.title === null ? null : intern(heading.title);
  const description = heading.description === null ? null : heading.description.length > 256 ? copyOf(heading.description) : intern(heading.description);
  const facts: CardFacts = {};
  const read = readTables(lines, bodyStart);
  if (read.stoppedAt !== null) {
    const at = { line: read.stoppedAt, column: 0, endLine: read.stoppedAt, endColumn: lines[read.stoppedAt].length };
    report(at, 'warning', 'card-bad-value', said('table-rows', MAX_TABLE_ROWS));
  }
  const table = pickDetailsTable(read.tables);
  let japanese = 0;
  let labelled = 0;

  if (table) {
    for (const row of table.rows) {
      if (row.cells.length < 2) continue;
      const [labelCell, valueCell] = row.cells;
      const lk = labelKey(labelCell.text);
      if (HEADER_LABELS.has(lk)) continue;
      const key = LABELS[lk];
      if (!key) continue;
      labelled++;
      if (JA_LABEL.test(labelCell.text)) japanese++;
      const cleaned = cleanCell(valueCell.text);
      // With its file, so that the registry's record of the fact can point here without an object of its own.
      const at = sourceRef(file, valueSpan(valueCell.text, valueCell.at, cleaned));
      const parsed = PARSERS[key](valueCell.text) as Parsed<FactTypes[typeof key]>;
      // Interned: a value cut out of the card's text must not keep the whole text alive.
      const value = parsed.kind !== 'value' ? null : typeof parsed.value === 'string' ? (intern(parsed.value) as typeof parsed.value) : parsed.value;
      const fact: Fact<FactTypes[typeof key]> = { value, raw: intern(cleaned), at };
      const existing = facts[key];
      if (existing) {
        const same = JSON.stringify(existing.value) === JSON.stringify(fact.value) && existing.raw === fact.raw;
        report(
          labelCell.at,
          same ? 'info' : 'warning',
          'card-duplicate-field',
          same
            ? said('duplicate-same', cleanCell(labelCell.text), existing.at.line + 1)
            : said('duplicate-different', cleanCell(labelCell.text), existing.raw, existing.at.line + 1, fact.raw),
        );
        continue;
      }
      if (parsed.kind === 'bad') {
        report(at, 'warning', 'card-bad-value', said('fact-bad', key, cleaned));
      }
      (facts as Record<FactKey, Fact<unknown>>)[key] = fact;
    }
  }

  const lang: Lang = labelled > 0 && japanese * 2 >= labelled ? 'ja' : 'en';
  const nameAt: Span = table?.rows[0]?.cells[0]?.at ?? { line: bodyStart, column: 0, endLine: bodyStart, endColumn: 0 };
  for (const key of EXPECTED) {
    if (!facts[key]) {
      report(
        key === 'name' ? nameAt : (table ? { line: table.rows[table.rows.length - 1].line, column: 0, endLine: table.rows[table.rows.length - 1].line, endColumn: 1 } : nameAt),
        key === 'name' ? 'error' : 'info',
        'card-missing-field',
        key === 'name' ? said('no-name-row') : said('missing-row', key),
      );
    }
  }

  checkProvider(facts, report);
  const release = facts.releaseDate?.value;
  const cutoff = facts.knowledgeCutoff?.value;
  if (release && cutoff && cutoff.slice(0, release.length) > release.slice(0, cutoff.length)) {
    report(facts.knowledgeCutoff!.at, 'warning', 'card-conflict', said('cutoff-after-release', cutoff, release));
  }

  const name = facts.name;
  if (name?.value) {
    const problems = boxNameProblems(name.value);
    if (problems.length && meta.namespace !== 'vendor') {
      const fixed = canonicalBoxSpelling(name.value);
      report(name.at, 'warning', 'name-format', said('name-rules', name.value, ...problems.map((p) => ('sep' in p ? `${p.kind}:${p.sep}` : p.kind))), fixed ? [fixed] : []);
    }
    if (!meta.namespace) meta.namespace = hasBoxProviderPrefix(name.value) ? 'box' : 'vendor';
  }

  return {
    kind: 'card',
    file,
    lang,
    title,
    description,
    facts,
    meta: sharedMeta(meta),
    docsUrl: meta.docs ?? findDocsUrl(lines, bodyStart),
    diagnostics: trimmed(diagnostics),
  };
}

/** Front matter that says only the namespace (most cards have none of their own): one shared, frozen object each. */
const NAMESPACE_ONLY: Readonly<Record<'box' | 'vendor', CardMeta>> = { box: Object.freeze({ namespace: 'box' }), vendor: Object.freeze({ namespace: 'vendor' }) };

function sharedMeta(meta: CardMeta): CardMeta {
  const keys = Object.keys(meta);
  return keys.length === 1 && (meta.namespace === 'box' || meta.namespace === 'vendor') ? NAMESPACE_ONLY[meta.namespace] : meta;
}

/** Model families and the companies that make them: a card whose provider row names another company contradicts itself. */
const FAMILY_MAKERS: Array<[RegExp, RegExp, string]> = [
  [/\btitan\b/i, /amazon|aws/i, 'Amazon'],
  [/\bclaude\b/i, /anthropic/i, 'Anthropic'],
  [/\b(?:gpt|o\d|text[-_ ]embedding[-_ ](?:ada|3))/i, /openai|microsoft|azure/i, 'OpenAI'],
  [/\b(?:gemini|gemma|palm|bison|unicorn|gecko)\b/i, /google/i, 'Google'],
  [/\bllama\b/i, /meta/i, 'Meta'],
  [/\bmistral\b/i, /mistral/i, 'Mistral AI'],
  [/\bgrok\b/i, /xai|x\.ai/i, 'xAI'],
];

function checkProvider(facts: CardFacts, report: (at: Span, severity: CardDiagnostic['severity'], code: CardDiagnostic['code'], message: string | CardText, suggestions?: string[]) => void): void {
  const provider = facts.provider;
  if (!provider?.value) return;
  const names = `${facts.displayName?.value ?? ''} ${(facts.name?.value ?? '').replace(/_/g, ' ')}`;
  for (const [family, maker, company] of FAMILY_MAKERS) {
    if (!family.test(names)) continue;
    if (!maker.test(provider.value)) {
      report(provider.at, 'warning', 'card-conflict', said('provider-company', provider.value, facts.displayName?.value ?? facts.name?.value ?? '', company), [company]);
    }
    return;
  }
}

