/**
 * Shell scripts and command lines (```bash, ```console fences): words, not
 * string literals. A model is given as a flag's argument (`--model o1-mini`,
 * `--editor-model=gpt-4o`, `llm -m gpt-4`) or an assignment (`MODEL=gpt-4o`,
 * `export OPENAI_MODEL="gpt-4o"`); a quoted JSON body (`-d '{"model": …}'`)
 * is read as code. Other words are arguments of programs we do not know.
 */
import { lineEndAt } from './chars';
import { GENERIC } from '../languages';
import { scanCode } from './code';
import { valueCandidate } from './context';
import { scanProse } from './prose';
import { isModelKey, isModelShaped } from './shape';
import { makeValue, type Container, type ScanResult, type Value } from './types';
import { drain, type Steps } from '../util/steps';

/** Characters that end a bare word. */
const WORD_END = /[\s;|&<>()`]/;
/** A console prompt at the start of a line (`$ aider …`, `% llm …`). */
const PROMPT = /^[ \t]*[$%][ \t]+/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

interface Word {
  value: Value;
  /** The word as the shell sees it, quotes removed (the value's text for a single quoted or bare word). */
  text: string;
}

export function* scanShell(text: string, from: number, to: number, root: Container, out: ScanResult): Steps {
  // A block of JSON under a shell tag (```sh around a request body) is read as JSON.
  const first = text.slice(from, Math.min(to, from + 256)).trimStart()[0];
  if (first === '{' || first === '[') {
    yield* scanCode(text, from, to, GENERIC, root, out);
    return;
  }
  // In a console transcript, lines without a prompt are what the commands printed.
  const prompted = PROMPT.test(text.slice(from, Math.min(to, from + 16))) || /\n[ \t]*[$%][ \t]+/.test(text.slice(from, to));
  let lineStart = from;
  let n = 0;
  while (lineStart < to) {
    if ((++n & 511) === 0) yield;
    const lineEnd = lineEndAt(text, lineStart, to);
    const prompt = PROMPT.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 16)));
    // A command goes on past its line with a trailing `\` or a quoted string that spans lines.
    const end = !prompted || prompt ? scanCommand(text, lineStart + (prompt ? prompt[0].length : 0), to, root, out) : lineEnd;
    const next = text.indexOf('\n', Math.max(end, lineStart));
    lineStart = next < 0 || next >= to ? to : next + 1;
  }
}

/** One command: its words in order, each given the flag or assignment it belongs to. Returns where it ends (its line end). */
function scanCommand(text: string, from: number, to: number, root: Container, out: ScanResult): number {
  let flag: string | null = null;
  let command: string | null = null;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === '\n') return i;
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\\') {
      i++;
      continue;
    }
    if (c === '#') {
      const end = lineEndFrom(text, i, to);
      out.comments.push({ start: i, end, text: text.slice(i + 1, end) });
      scanProse(text, i, end, root, out, 'comment');
      return end;
    }
    if (WORD_END.test(c)) {
      // `;`, `|`, `&&`: a new command starts; `<`, `>` redirect.
      if (c !== '<' && c !== '>') command = null;
      flag = null;
      i++;
      continue;
    }
    const word = readWord(text, i, to);
    i = word.next;
    const w = word.word;
    if (command === null) {
      const assigned = ASSIGNMENT.exec(w.text);
      if (assigned) {
        offer(rest(w, assigned[0].length), assigned[1], root, out);
        continue;
      }
      if (w.text === 'export' || w.text === 'env' || w.text === 'sudo') continue;
      command = w.text;
      continue;
    }
    if (flag !== null) {
      offer(w, flag, root, out);
      flag = null;
      continue;
    }
    const long = /^--?([A-Za-z][\w-]*)(=?)/.exec(w.text);
    if (long) {
      const name = long[1];
      const isModelFlag = isModelKey(name) || (name === 'm' && !/^python/.test(command));
      if (!isModelFlag) continue;
      if (long[2] === '=') offer(rest(w, long[0].length), name, root, out);
      else flag = name;
      continue;
    }
    if (w.value.kind === 'string' && /^\s*[{[]/.test(w.text)) drain(scanCode(text, w.value.start, w.value.end, GENERIC, root, out));
  }
  return to;
}

function lineEndFrom(text: string, i: number, to: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 || end > to ? to : end;
}

/** A flag's argument or an assigned value: a candidate under its key (`-m` only for a name-shaped value: `git commit -m "…"`). */
function offer(w: Word, key: string, root: Container, out: ScanResult): void {
  if (w.text === '' || w.text.startsWith('$')) return;
  if (key === 'm' && !isModelShaped(w.text)) return;
  const slot = key === 'm' ? 'model' : key;
  root.pairs.set(slot, w.value);
  const c = valueCandidate(w.value, slot, root, 'value');
  if (c) out.candidates.push(c);
}

/** The part of a word after `NAME=` or `--flag=`; quotes around it are taken off. */
function rest(w: Word, skip: number): Word {
  const raw = w.text.slice(skip);
  const q = raw[0];
  const quoted = (q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q);
  const inner = quoted ? raw.slice(1, -1) : raw;
  const start = w.value.start + skip + (quoted ? 1 : 0);
  return { text: inner, value: makeValue(inner, start, start + inner.length, quoted ? 'string' : 'bare') };
}

/** A word: bare (up to a space or an operator), or one quoted string; a word mixing both is kept as written. */
function readWord(text: string, from: number, to: number): { word: Word; next: number } {
  const q = text[from];
  if (q === '"' || q === "'") {
    let k = from + 1;
    while (k < to && text[k] !== q) k += text[k] === '\\' && q === '"' ? 2 : 1;
    const end = Math.min(k, to);
    const inner = text.slice(from + 1, end);
    const next = Math.min(end + 1, to);
    if (next >= to || WORD_END.test(text[next])) {
      return { word: { text: inner, value: makeValue(inner, from + 1, end, 'string', k >= to) }, next };
    }
  }
  let k = from;
  let quote: string | null = null;
  while (k < to) {
    const c = text[k];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (WORD_END.test(c)) break;
    k++;
  }
  const raw = text.slice(from, k);
  return { word: { text: raw, value: makeValue(raw, from, k, 'bare') }, next: k };
}
