/** .env, INI, TOML and properties files: `key = value` lines, `[section]` headers and comment lines. */
import { eachLine } from './chars';
import { GENERIC, type LanguageSpec } from '../languages';
import { scanCode } from './code';
import { valueCandidate } from './context';
import { scanProse } from './prose';
import { makeContainer, makeValue, Pairs, type Container, type ScanResult, type Value } from './types';
import { drain, type Steps } from '../util/steps';
import { scalar } from './yaml';

export function* scanKeyValue(text: string, from: number, to: number, spec: LanguageSpec, root: Container, out: ScanResult): Steps {
  const kv = spec.keyvalue ?? { comments: spec.line, separators: '=' };
  const separators = escapeClass(kv.separators);
  const assignment = new RegExp(`^(?:export\\s+)?("[^"]*"|'[^']*'|[^\\s${separators}]+)\\s*[${separators}]\\s*`);
  let container = root;
  yield* eachLine(text, from, to, (lineStart, line) => {
    const trimmed = line.trimStart();
    const lead = line.length - trimmed.length;
    if (kv.comments.some((cm) => trimmed.startsWith(cm))) {
      out.comments.push({ start: lineStart + lead, end: lineStart + line.length, text: trimmed.slice(1) });
      scanProse(text, lineStart + lead, lineStart + line.length, container, out, 'comment');
    } else if (/^\[\[?[^\]]+\]\]?\s*$/.test(trimmed)) {
      const name = trimmed.replace(/^\[+|\]+\s*$/g, '').trim();
      container = makeContainer('section', name.split('.').pop() ?? name, name, lineStart, root, new Pairs());
    } else {
      const m = assignment.exec(trimmed);
      if (m) scanAssignment(text, lineStart, line, lead + m[0].length, m[1].replace(/^["']|["']$/g, ''), container, out);
    }
  });
}

function scanAssignment(text: string, lineStart: number, line: string, valueFrom: number, key: string, container: Container, out: ScanResult): void {
  let rest = line.slice(valueFrom);
  const q = rest.charCodeAt(0);
  if (q !== 34 && q !== 39) {
    const hash = rest.search(/\s[#;]/);
    if (hash >= 0) rest = rest.slice(0, hash);
  }
  if (rest.trim().startsWith('{') || rest.trim().startsWith('[')) {
    drain(scanCode(text, lineStart + valueFrom, lineStart + valueFrom + rest.length, GENERIC, makeContainer('object', key, null, lineStart, container, new Pairs()), out));
    return;
  }
  const v = scalar(lineStart + valueFrom, rest);
  const value: Value = v ?? makeValue('', lineStart + valueFrom, lineStart + valueFrom, 'bare');
  container.pairs.set(key, value);
  if (value.kind !== 'number') {
    const c = valueCandidate(value, key, container, 'value');
    if (c) out.candidates.push(c);
  }
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}
