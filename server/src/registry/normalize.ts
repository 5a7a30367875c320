/**
 * Turning the text of a card cell into a typed value.
 *
 * Every parser returns a {@link Parsed}: a value, an explicit "not given"
 * (`Not specified`, `指定なし`, `TBD`, an empty cell …) or `bad` when the
 * text is neither. Callers keep the raw text beside the value.
 */

export type Parsed<T> = { kind: 'value'; value: T } | { kind: 'none' } | { kind: 'bad' };

const NONE: Parsed<never> = { kind: 'none' };
const BAD: Parsed<never> = { kind: 'bad' };
const value = <T>(v: T): Parsed<T> => ({ kind: 'value', value: v });

/**
 * Remove every `<…>` of at most 200 characters between the brackets, as `/<[^>]{0,200}>/g` would, but in one pass:
 * that regex looks up to 200 characters ahead of every `<`, which is slow on a long run of them.
 */
function stripTags(s: string): string {
  let out = '';
  let from = 0;
  let close = -1;
  for (let open = s.indexOf('<'); open >= 0; open = s.indexOf('<', open + 1)) {
    if (close <= open) close = s.indexOf('>', open + 1);
    if (close < 0) break;
    if (open < from || close - open - 1 > 200) continue;
    out += s.slice(from, open);
    from = close + 1;
  }
  return out + s.slice(from);
}

/** What `cleanCell` removes or changes: tags, emphasis, ticks, and white space other than single spaces. */
const PLAIN_CELL_NEEDS_WORK = /[<*`]|__|[^\S ]|  /;

/** Strip Markdown emphasis, code ticks, HTML tags and surrounding space from a cell. */
export function cleanCell(raw: string): string {
  // Most cells are plain words: nothing to strip but the space around them.
  if (!PLAIN_CELL_NEEDS_WORK.test(raw)) return raw.trim();
  let s = raw.includes('<') ? stripTags(raw.replace(/<br\s*\/?>/gi, ' ')) : raw;
  s = s.replace(/\*\*|`/g, '').trim();
  // `__bold__` and `*emphasis*` only when they wrap the whole cell: names contain `__` (most name cells stop at the
  // first test: the patterns are tried only on a cell that starts and ends with the marks).
  if (s.startsWith('__') && s.endsWith('__')) s = s.replace(/^__(?=\S)(.*\S)__$/, '$1');
  if (s.startsWith('*') && s.endsWith('*')) s = s.replace(/^\*(?=\S)(.*\S)\*$/, '$1');
  // Every run of white space becomes one space; a lone space is already one, and leaving it alone keeps long cells cheap.
  return s.replace(/[^\S ]\s*| \s+/g, ' ').trim();
}

const NON_VALUE =
  /^(?:not specified|not provided|not applicable|not available|n\/?a|tbd|tba|unknown|none|-+|—|–|指定なし|該当なし|不明|なし|未定)(?:\b|[\s.,、。;:(（]|$)/i;

/** True for the ways cards say "no value here". */
export function isNonValue(text: string): boolean {
  const t = text.trim();
  return t === '' || NON_VALUE.test(t);
}

const UNIT: Record<string, number> = {
  '': 1,
  k: 1_000,
  K: 1_000,
  m: 1_000_000,
  M: 1_000_000,
  thousand: 1_000,
  million: 1_000_000,
  万: 10_000,
  千: 1_000,
  億: 100_000_000,
};

const TOKEN_COUNT =
  /^(?:about\s+|approximately\s+|約)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|K|M|thousand|million|万|千|億)?\s*(?:tokens?|トークン)?$/;

/** `128k tokens`, `1m`, `1,048,576 tokens`, `128,000`, `100万トークン`, `1,000万` → an integer. */
export function parseTokenCount(text: string): Parsed<number> {
  const t = cleanCell(text);
  if (isNonValue(t)) return NONE;
  const m = TOKEN_COUNT.exec(t);
  if (!m) return BAD;
  const n = Number(m[1].replace(/,/g, ''));
  const result = Math.round(n * UNIT[m[2] ?? '']);
  return Number.isSafeInteger(result) && result > 0 ? value(result) : BAD;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

const pad = (n: number): string => String(n).padStart(2, '0');

function formatDate(year: number, month?: number, day?: number): Parsed<string> {
  if (year < 1900 || year > 2200) return BAD;
  if (month === undefined) return value(String(year));
  if (month < 1 || month > 12) return BAD;
  if (day === undefined) return value(`${year}-${pad(month)}`);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return BAD;
  return value(`${year}-${pad(month)}-${pad(day)}`);
}

const MONTH_NAME = '([A-Za-z]{3,9}\\.?)';
const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Parsed<string>]> = [
  // 2024-07-18, 2024-07, 2024/07/18
  [/^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/, (m) => formatDate(+m[1], +m[2], m[3] ? +m[3] : undefined)],
  // 2024年7月18日, 2024年7月
  [/^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/, (m) => formatDate(+m[1], +m[2], m[3] ? +m[3] : undefined)],
  // 2021年中頃, 2021年頃, 2021年
  [/^(\d{4})\s*年\s*(?:中頃|頃|初め|初頭|末|後半|前半)?$/, (m) => formatDate(+m[1])],
  // July 18th, 2024 / March 4th 2024 / February 24, 2025
  [
    new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`),
    (m) => {
      const mo = monthNumber(m[1]);
      return mo ? formatDate(+m[3], mo, +m[2]) : BAD;
    },
  ],
  // 18 July 2024
  [
    new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})$`),
    (m) => {
      const mo = monthNumber(m[2]);
      return mo ? formatDate(+m[3], mo, +m[1]) : BAD;
    },
  ],
  // September 2024
  [
    new RegExp(`^${MONTH_NAME},?\\s+(\\d{4})$`),
    (m) => {
      const mo = monthNumber(m[1]);
      return mo ? formatDate(+m[2], mo) : BAD;
    },
  ],
  // 2023, middle of 2021, mid-2021, early 2022, late 2023
  [/^(?:(?:the\s+)?(?:middle|mid|early|late|end|start|beginning)(?:\s+of)?[\s-]+)?(\d{4})$/i, (m) => formatDate(+m[1])],
];

/** Dates as cards write them → `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export function parseDate(text: string): Parsed<string> {
  const t = cleanCell(text);
  if (isNonValue(t)) return NONE;
  for (const [re, make] of DATE_PATTERNS) {
    const m = re.exec(t);
    if (m) return make(m);
  }
  return BAD;
}

/** `Yes` / `No` / `はい` / `いいえ`. */
export function parseYesNo(text: string): Parsed<boolean> {
  const t = cleanCell(text).toLowerCase();
  if (isNonValue(t)) return NONE;
  if (/^(?:yes|true|はい|あり)(?:$|[\s,.;(（、。])/.test(t)) return value(true);
  if (/^(?:no|false|いいえ|なし)(?:$|[\s,.;(（、。])/.test(t)) return value(false);
  return BAD;
}

export type Category = 'standard' | 'premium';

export function parseCategory(text: string): Parsed<Category> {
  const t = cleanCell(text).toLowerCase();
  if (isNonValue(t)) return NONE;
  if (t === 'standard' || t === '標準' || t === 'スタンダード') return value('standard');
  if (t === 'premium' || t === 'プレミアム') return value('premium');
  return BAD;
}

/**
 * Tokens per second. A single number is a value; a range or an estimate
 * (`Estimated between 163 - 300`, `およそ163～300`) is "not a single value",
 * which is not an error: the raw text is kept for display.
 */
export function parseThroughput(text: string): Parsed<number> {
  const t = cleanCell(text);
  if (isNonValue(t)) return NONE;
  const plain = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:tokens?(?:\s*(?:\/|per)\s*s(?:ec(?:ond)?)?)?|トークン\/秒))?$/i.exec(t);
  if (plain) return value(Number(plain[1].replace(/,/g, '')));
  // A digit, a dash or "to", a digit. (Written as `\d+(?:\.\d+)?…\d+`, which finds the same ranges, the search was quadratic on long numbers.)
  if (/\d\s*(?:-|–|～|〜|~|to)\s*\d/.test(t)) return NONE;
  return BAD;
}

/** Plain text (names, providers): anything but a non-value. */
export function parseText(text: string): Parsed<string> {
  const t = cleanCell(text);
  return isNonValue(t) ? NONE : value(t);
}

/**
 * The largest number a written token count can mean. Counts written with a unit are rounded: "16k" is
 * 16,000 or 16,384, "1m" 1,000,000 or 1,048,576, "100万" 1,000,000 or 1,048,576. Exact counts mean themselves.
 */
export function tokenUpperBound(raw: string, value: number): number {
  if (!/\d\s*(?:[kKmM]|thousand|million|万|千|億)/.test(raw)) return value;
  return Math.round(value * (value >= 1_000_000 ? 1.048576 : 1.024));
}

/** Format a token count the short way cards do: 128000 → `128k`, 1000000 → `1m`; binary sizes the binary way (65536 → `64k`, 2097152 → `2m`). */
export function shortTokens(n: number): string {
  const binary = n % 1_000 !== 0;
  if (binary && n >= 1_048_576 && n % 1_048_576 === 0) return `${n / 1_048_576}m`;
  if (binary && n >= 1_024 && n < 1_000_000 && n % 1_024 === 0) return `${n / 1_024}k`;
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(1))}m`;
  if (n >= 1_000) return `${Math.round(n / 1_000)}k`;
  return String(n);
}
