/**
 * The Markdown pieces cards are made of: YAML front matter (parsed without
 * ever executing anything), tables with the exact position of every cell,
 * headings and reference-style link definitions.
 */
import matter from 'gray-matter';
import type { Span } from './types';
import type { CardText } from '../messages/cards';
import { said } from './intern';

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export interface FrontMatter {
  /** Parsed data, or null when there is none or it could not be read safely. */
  data: Record<string, unknown> | null;
  /** The language named after the opening `---` (empty for plain YAML). */
  language: string;
  /** 0-based line of the opening and closing delimiters; body starts after `endLine`. */
  startLine: number;
  endLine: number;
  /** Set when the front matter was refused or failed to parse. */
  problem: { kind: 'unsafe' | 'invalid'; message: CardText; at: Span } | null;
}

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

const refuse = (language: string) => (): never => {
  throw new Error(`front matter in "${language}" is not accepted`);
};

/**
 * Find and parse front matter. Only YAML is read, with gray-matter's YAML
 * engine (js-yaml's `safeLoad`: no `!!js/*` types); any other language (`---js`, `---coffee`, `---json`, …) is
 * refused before gray-matter sees it, and gray-matter's own engines are
 * replaced by refusing ones as a second guard.
 */
export function readFrontMatter(lines: string[]): FrontMatter | null {
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first >= lines.length) return null;
  const open = /^\uFEFF?---(?!-)/.exec(lines[first]);
  // The rest of the line, trimmed by hand: `---\s*(.*?)\s*$` did the same but was quadratic on a long line of spaces.
  const language = open ? lines[first].slice(open[0].length).trim() : '';
  if (!open || /[\u2028\u2029]/.test(language)) return null;
  let end = -1;
  for (let i = first + 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)\s*$/.test(lines[i])) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const at: Span = { line: first, column: 0, endLine: first, endColumn: lines[first].length };
  const fm: FrontMatter = { data: null, language, startLine: first, endLine: end, problem: null };
  if (!YAML_LANGUAGES.has(language.toLowerCase())) {
    fm.problem = {
      kind: 'unsafe',
      message: said('fm-unsafe', language),
      at,
    };
    return fm;
  }
  const block = lines.slice(first + 1, end).join('\n');
  try {
    const parsed = matter(`---\n${block}\n---\n`, {
      language: 'yaml',
      engines: {
        js: refuse('js'),
        javascript: refuse('javascript'),
        coffee: refuse('coffee'),
        coffeescript: refuse('coffeescript'),
        cson: refuse('cson'),
        json: refuse('json'),
        toml: refuse('toml'),
      },
    });
    const data: unknown = parsed.data;
    fm.data = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch (e) {
    fm.problem = {
      kind: 'invalid',
      message: said('fm-invalid', (e instanceof Error ? e.message : String(e)).split('\n')[0]),
      at,
    };
  }
  return fm;
}

interface Cell {
  /** The cell's text, trimmed. */
  text: string;
  /** Span of the trimmed text. */
  at: Span;
}

interface TableRow {
  line: number;
  cells: Cell[];
}

export interface Table {
  rows: TableRow[];
  /** Line of the header row, if the table has a `|---|` separator under it. */
  headerLine: number | null;
}

/** Cards have two or three columns; no row is split into more cells than this, so a line of a million pipes stays cheap. */
const MAX_CELLS = 64;

/** The characters `String.prototype.trim` removes (white space and line ends: the same as `\s`). */
export function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

const BACKTICK = 96;
const PIPE = 124;
const BACKSLASH = 92;

function splitRow(line: string, lineNo: number): Cell[] {
  const cells: Cell[] = [];
  let start = line.indexOf('|') + 1;
  let inCode = false;
  for (let i = start; i <= line.length; i++) {
    const ch = line.charCodeAt(i); // NaN past the end
    if (ch === BACKTICK) inCode = !inCode;
    if (i === line.length || (ch === PIPE && line.charCodeAt(i - 1) !== BACKSLASH && !inCode)) {
      // The cell's text trimmed as `trim` does, found by index: one string per cell rather than three.
      let from = start;
      let to = i;
      while (from < to && isTrimmed(line.charCodeAt(from))) from++;
      while (to > from && isTrimmed(line.charCodeAt(to - 1))) to--;
      const text = line.slice(from, to);
      cells.push({ text, at: { line: lineNo, column: from, endLine: lineNo, endColumn: to } });
      if (cells.length === MAX_CELLS) return cells;
      start = i + 1;
    }
  }
  // A row written as `| a | b |` ends in an empty cell after the last pipe.
  if (cells.length > 0 && cells[cells.length - 1].text === '' && line.trimEnd().endsWith('|')) cells.pop();
  return cells;
}

/** A `|---|:--:|` row: only pipes, dashes, colons and spaces, with at least one `--`. Checked without a backtracking regex. */
function isSeparator(line: string): boolean {
  return line.includes('--') && /^[\s|:-]*$/.test(line);
}

/** A card's tables hold a few dozen rows; no more than this many are read from one document. */
export const MAX_TABLE_ROWS = 2000;

/** Every pipe table in the given line range, up to {@link MAX_TABLE_ROWS} rows in all (`stoppedAt`: the line where reading stopped). */
export function readTables(lines: string[], from: number, to = lines.length): { tables: Table[]; stoppedAt: number | null } {
  const tables: Table[] = [];
  let current: Table | null = null;
  let rows = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!/^\s*\|/.test(line)) {
      current = null;
      continue;
    }
    if (isSeparator(line)) {
      if (current && current.rows.length === 1 && current.headerLine === null) {
        current.headerLine = current.rows[0].line;
        current.rows = [];
      }
      continue;
    }
    if (!current) {
      current = { rows: [], headerLine: null };
      tables.push(current);
    }
    if (++rows > MAX_TABLE_ROWS) return { tables, stoppedAt: i };
    current.rows.push({ line: i, cells: splitRow(line, i) });
  }
  return { tables, stoppedAt: null };
}

/** Reference-style link definitions: `[label]: https://…`. */
export function readLinkDefinitions(lines: string[], from: number): Map<string, { url: string; line: number }> {
  const defs = new Map<string, { url: string; line: number }>();
  for (let i = from; i < lines.length; i++) {
    const m = /^\s{0,3}\[([^\]]{1,200})\]:[ \t]*<?([^\s<>]{1,2000})>?/.exec(lines[i]);
    if (m && !defs.has(m[1].toLowerCase())) defs.set(m[1].toLowerCase(), { url: m[2], line: i });
  }
  return defs;
}
