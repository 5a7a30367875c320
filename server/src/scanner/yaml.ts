/** YAML, line by line: keys and their indentation make the structure; flow collections (`{…}`, `[…]`) are scanned as code. */
import { eachLine } from './chars';
import { GENERIC } from '../languages';
import { scanCode } from './code';
import { valueCandidate } from './context';
import { scanProse } from './prose';
import { isModelKey } from './shape';
import { makeCandidate, makeContainer, makeValue, Pairs, type Container, type ScanResult, type Value } from './types';
import { drain, type Steps } from '../util/steps';

const DQUOTE = 34;
const SQUOTE = 39;
const HASH = 35;

function stripTrailingComment(line: string): string {
  let quote = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === DQUOTE || c === SQUOTE) {
      if (k === 0 || line[k - 1] === ' ' || line[k - 1] === ':' || line[k - 1] === '-' || line[k - 1] === '[' || line[k - 1] === ',') quote = c;
    } else if (c === HASH && (k === 0 || line[k - 1] === ' ' || line[k - 1] === '\t')) return line.slice(0, k);
  }
  return line;
}

/** A scalar value written after a key (YAML, .env, INI): quoted, a number, or bare text. */
export function scalar(from: number, raw: string): Value | null {
  let s = raw;
  let start = from;
  const lead = s.length - s.trimStart().length;
  s = s.trim();
  start += lead;
  if (s === '') return null;
  const q = s.charCodeAt(0);
  if (q === DQUOTE || q === SQUOTE) {
    const closeAt = s.indexOf(String.fromCharCode(q), 1);
    const inner = closeAt < 0 ? s.slice(1) : s.slice(1, closeAt);
    return makeValue(inner, start + 1, start + 1 + inner.length, 'string', closeAt < 0);
  }
  if (/^[-+]?\d[\d_]*(?:\.\d+)?$/.test(s)) return makeValue(s.replace(/_/g, ''), start, start + s.length, 'number');
  return makeValue(s, start, start + s.length, 'bare');
}

export function* scanYaml(text: string, from: number, to: number, root: Container, out: ScanResult): Steps {
  const stack: Array<{ indent: number; c: Container }> = [{ indent: -1, c: root }];
  yield* eachLine(text, from, to, (lineStart, rawLine) => {
    const line = stripTrailingComment(rawLine);
    if (line.length < rawLine.length) {
      const hash = line.length;
      out.comments.push({ start: lineStart + hash, end: lineStart + rawLine.length, text: rawLine.slice(hash + 1) });
      scanProse(text, lineStart + hash, lineStart + rawLine.length, stack[stack.length - 1].c, out, 'comment');
    }
    let indent = 0;
    while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
    if (indent < line.length && line.slice(indent, indent + 3) !== '---') scanYamlLine(text, lineStart, line, indent, stack, out);
  });
}

function scanYamlLine(text: string, lineStart: number, line: string, indent: number, stack: Array<{ indent: number; c: Container }>, out: ScanResult): void {
  let col = indent;
  // Sequence items: each `- ` starts a new item (a new mapping when it holds keys).
  while (line[col] === '-' && (line[col + 1] === ' ' || col + 1 === line.length)) {
    while (stack.length > 1 && stack[stack.length - 1].indent >= col) stack.pop();
    const parent = stack[stack.length - 1].c;
    const item = makeContainer('mapping', parent.key, null, lineStart + col, parent, new Pairs());
    stack.push({ indent: col, c: item });
    col += 2;
    while (line[col] === ' ') col++;
  }
  const keyMatch = /^(?:"([^"]{0,200})"|'([^']{0,200})'|([^\s"'#:{}[\],&*!|>][^:#]{0,200}?))[ \t]{0,50}:(?=\s|$)/.exec(line.slice(col, col + 512));
  if (keyMatch) {
    const key = keyMatch[1] ?? keyMatch[2] ?? keyMatch[3];
    while (stack.length > 1 && stack[stack.length - 1].indent >= col) stack.pop();
    const parent = stack[stack.length - 1].c;
    const valueFrom = col + keyMatch[0].length;
    const v = scalar(lineStart + valueFrom, line.slice(valueFrom));
    if (!v || /^[|>]/.test(v.text)) {
      const child = makeContainer('mapping', key, null, lineStart + col, parent, new Pairs());
      stack.push({ indent: col, c: child });
      if (!v && isModelKey(key)) {
        // `model: ` with nothing yet: where a completion goes.
        const at = lineStart + line.length;
        out.candidates.push(makeCandidate(makeValue('', at, at, 'bare'), key, 'key', parent, 'value', false));
      }
    } else if (v.text.startsWith('{') || v.text.startsWith('[')) {
      drain(scanCode(text, v.start, v.end, GENERIC, makeContainer('object', key, null, v.start, parent, new Pairs()), out));
    } else {
      parent.pairs.set(key, v);
      if (v.kind !== 'number') {
        const c = valueCandidate(v, key, parent, 'value');
        if (c) out.candidates.push(c);
      }
    }
  } else if (col > indent || line[indent] !== '-') {
    // A bare item of a sequence (`- gpt-4o-mini`), or a continuation line.
    const v = scalar(lineStart + col, line.slice(col));
    const container = stack[stack.length - 1].c;
    if (v && v.kind !== 'number') {
      const key = col > indent ? container.key : null;
      const c = valueCandidate(v, key, container.parent ?? container, 'value');
      if (c) out.candidates.push(c);
    }
  }
}
