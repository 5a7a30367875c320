/**
 * The scanner: one pass over a document of any language that finds the
 * strings and values that may be model names, with their context (the key
 * they are assigned to, the object, call or mapping they sit in, its
 * sibling keys). No parse of the whole file; no regular expression per
 * character. Offsets are UTF-16 code units, as in LSP.
 */
import { isEmbeddingsName, isModelKey, isModelShaped, isNameLike, NAME_TOKEN } from './shape';

export interface Value {
  /** The text as written between the quotes (escapes are not interpreted; names have none). */
  text: string;
  start: number;
  end: number;
  kind: 'string' | 'number' | 'bare';
  /** The closing quote is missing (the user is typing). */
  open?: boolean;
}

export interface Container {
  kind: 'object' | 'call' | 'array' | 'block' | 'mapping' | 'section' | 'root';
  /** The key this structure is the value of (`embeddings` in `"embeddings": {…}`). */
  key: string | null;
  /** For calls and `new X {…}`: the callee, with its dotted path (`client.embeddings.create`). */
  callee: string | null;
  start: number;
  /** Key → value of the scalar members seen in this structure. */
  pairs: Map<string, Value>;
  parent: Container | null;
}

export interface Candidate {
  value: Value;
  /** The key, keyword argument, property or builder call the value belongs to. */
  key: string | null;
  /** Why this is a candidate: a model key, or the shape of the text. */
  reason: 'key' | 'shape';
  container: Container;
  /** Inside a comment (only prose scanning finds these). */
  inComment: boolean;
}

export interface Comment {
  start: number;
  end: number;
  /** The text of the comment without its delimiters. */
  text: string;
}

export interface ScanResult {
  candidates: Candidate[];
  comments: Comment[];
}

type Mode = 'code' | 'yaml' | 'keyvalue' | 'prose' | 'markdown';

interface LanguageSpec {
  mode: Mode;
  line: string[];
  block: Array<[string, string]>;
  /** Python-style string prefixes (r, b, f, u…) and triple quotes. */
  python?: boolean;
  /** Back quotes delimit strings (JS/TS template literals, Go raw strings). */
  backtick?: boolean;
  /** C# verbatim (@"…"), interpolated ($"…") and raw ("""…""") strings. */
  csharp?: boolean;
  /** TOML/INI/properties/.env style. */
  keyvalue?: { comments: string[]; separators: string };
}

const C_LIKE: LanguageSpec = { mode: 'code', line: ['//'], block: [['/*', '*/']] };
const LANGUAGES: Record<string, LanguageSpec> = {
  python: { mode: 'code', line: ['#'], block: [], python: true },
  javascript: { ...C_LIKE, backtick: true },
  javascriptreact: { ...C_LIKE, backtick: true },
  typescript: { ...C_LIKE, backtick: true },
  typescriptreact: { ...C_LIKE, backtick: true },
  vue: { ...C_LIKE, backtick: true },
  svelte: { ...C_LIKE, backtick: true },
  json: { ...C_LIKE },
  jsonc: { ...C_LIKE },
  json5: { ...C_LIKE },
  jsonl: { ...C_LIKE },
  java: { ...C_LIKE },
  kotlin: { ...C_LIKE },
  scala: { ...C_LIKE },
  groovy: { ...C_LIKE },
  go: { ...C_LIKE, backtick: true },
  csharp: { ...C_LIKE, csharp: true },
  c: C_LIKE,
  cpp: C_LIKE,
  rust: C_LIKE,
  swift: C_LIKE,
  dart: C_LIKE,
  php: { mode: 'code', line: ['//', '#'], block: [['/*', '*/']] },
  ruby: { mode: 'code', line: ['#'], block: [] },
  shellscript: { mode: 'code', line: ['#'], block: [] },
  powershell: { mode: 'code', line: ['#'], block: [['<#', '#>']] },
  r: { mode: 'code', line: ['#'], block: [] },
  yaml: { mode: 'yaml', line: ['#'], block: [] },
  'github-actions-workflow': { mode: 'yaml', line: ['#'], block: [] },
  dockercompose: { mode: 'yaml', line: ['#'], block: [] },
  toml: { mode: 'keyvalue', line: ['#'], block: [], keyvalue: { comments: ['#'], separators: '=' } },
  ini: { mode: 'keyvalue', line: [';', '#'], block: [], keyvalue: { comments: [';', '#'], separators: '=:' } },
  properties: { mode: 'keyvalue', line: ['#', '!'], block: [], keyvalue: { comments: ['#', '!'], separators: '=:' } },
  dotenv: { mode: 'keyvalue', line: ['#'], block: [], keyvalue: { comments: ['#'], separators: '=' } },
  env: { mode: 'keyvalue', line: ['#'], block: [], keyvalue: { comments: ['#'], separators: '=' } },
  markdown: { mode: 'markdown', line: [], block: [] },
  mdx: { mode: 'markdown', line: [], block: [] },
  plaintext: { mode: 'prose', line: [], block: [] },
};
/** Unknown languages: strings in both quote styles, the common comment syntaxes. */
const GENERIC: LanguageSpec = { mode: 'code', line: ['//', '#'], block: [['/*', '*/']], backtick: true };

export function languageSpec(languageId: string): LanguageSpec {
  return Object.hasOwn(LANGUAGES, languageId) ? LANGUAGES[languageId] : GENERIC;
}

/** Line-comment prefix to use when inserting a comment in this language. */
export function lineCommentFor(languageId: string): { open: string; close: string } | null {
  const spec = languageSpec(languageId);
  if (spec.mode === 'markdown') return { open: '<!--', close: '-->' };
  if (languageId === 'json') return null;
  if (spec.line.length) return { open: spec.line[0], close: '' };
  if (spec.block.length) return { open: spec.block[0][0], close: spec.block[0][1] };
  return null;
}

function isCandidate(text: string, key: string | null): 'key' | 'shape' | null {
  // Under a model key, also what a user may be typing to find a name (`4o mini`); the rules skip what is not name-like.
  if (key !== null && isModelKey(key) && (text === '' || isNameLike(text) || /^[\w.\- ]{1,60}$/.test(text))) return 'key';
  if (isModelShaped(text)) return 'shape';
  return null;
}

const BOX_HINT = /\bai_agent|\bbox[_-]?sdk|box_sdk_gen|box-typescript-sdk|Box\.Sdk|com\.box\.sdk|\bBoxClient\b|\bboxsdk\b|num_tokens_for_completion|numTokensForCompletion|NumTokensForCompletion|BOX_AI_|\b(?:azure|aws|google|ibm|xai)__/;
const VENDOR_HINT = /\bfrom openai\b|\bimport openai\b|require\(['"]openai['"]\)|from ['"]openai['"]|\bAzureOpenAI\b|\bOpenAIClient\b|\bchat\.completions\b|\banthropic\b|@anthropic-ai|google\.generativeai|@google\/genai|langchain/;

/** A hint of whose names a file uses: Box API names or a vendor SDK's ids (or no telling). */
export function fileFlavor(text: string): 'box' | 'vendor' | null {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const box = BOX_HINT.test(head);
  const vendor = VENDOR_HINT.test(head);
  return box && !vendor ? 'box' : vendor && !box ? 'vendor' : null;
}

/** Scan a document. */
export function scan(text: string, languageId: string): ScanResult {
  const spec = languageSpec(languageId);
  const out: ScanResult = { candidates: [], comments: [] };
  const root: Container = { kind: 'root', key: null, callee: null, start: 0, pairs: new Map(), parent: null };
  switch (spec.mode) {
    case 'code':
      scanCode(text, 0, text.length, spec, root, out);
      break;
    case 'yaml':
      scanYaml(text, 0, text.length, root, out);
      break;
    case 'keyvalue':
      scanKeyValue(text, 0, text.length, spec, root, out);
      break;
    case 'markdown':
      scanMarkdown(text, root, out);
      break;
    case 'prose':
      scanProse(text, 0, text.length, root, out, false);
      break;
  }
  out.candidates.sort((a, b) => a.value.start - b.value.start);
  return out;
}

// ---------------------------------------------------------------- prose

function scanProse(text: string, from: number, to: number, root: Container, out: ScanResult, inComment: boolean): void {
  // On the range only: a global search from `from` would look through the rest of the file for each comment.
  const slice = text.slice(from, to);
  NAME_TOKEN.lastIndex = 0;
  for (let m = NAME_TOKEN.exec(slice); m; m = NAME_TOKEN.exec(slice)) {
    const start = from + m.index;
    const word = m[0];
    if (word.length < 4 || !isModelShaped(word)) continue;
    out.candidates.push({ value: { text: word, start, end: start + word.length, kind: 'bare' }, key: null, reason: 'shape', container: root, inComment });
  }
}

// ---------------------------------------------------------------- markdown

function scanMarkdown(text: string, root: Container, out: ScanResult): void {
  for (const m of text.matchAll(/<!--([\s\S]{0,2000}?)-->/g)) out.comments.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[1] });
  // Fenced code blocks, found line by line: each is scanned as its language, the rest as prose.
  let pos = 0;
  let lineStart = 0;
  let fence: { char: string; len: number; lang: string; bodyStart: number; at: number } | null = null;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const m = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]{0,30})/.exec(line);
    if (m && !fence) {
      fence = { char: m[1][0], len: m[1].length, lang: m[2].toLowerCase(), bodyStart: Math.min(lineEnd + 1, text.length), at: lineStart };
    } else if (m && fence && m[1][0] === fence.char && m[1].length >= fence.len && m[2] === '') {
      scanProse(text, pos, fence.at, root, out, false);
      scanFence(text, fence.bodyStart, lineStart, fence.lang, out);
      pos = Math.min(lineEnd + 1, text.length);
      fence = null;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (fence) {
    scanProse(text, pos, fence.at, root, out, false);
    scanFence(text, fence.bodyStart, text.length, fence.lang, out);
  } else scanProse(text, pos, text.length, root, out, false);
}

function scanFence(text: string, from: number, to: number, language: string, out: ScanResult): void {
  const alias = Object.hasOwn(LANGUAGE_ALIASES, language) ? LANGUAGE_ALIASES[language] : language;
  const spec = Object.hasOwn(LANGUAGES, alias) ? LANGUAGES[alias] : undefined;
  const block: Container = { kind: 'root', key: null, callee: null, start: from, pairs: new Map(), parent: null };
  if (spec && spec.mode === 'yaml') scanYaml(text, from, to, block, out);
  else if (spec && spec.mode === 'keyvalue') scanKeyValue(text, from, to, spec, block, out);
  else scanCode(text, from, to, spec && spec.mode === 'code' ? spec : GENERIC, block, out);
}

const LANGUAGE_ALIASES: Record<string, string> = {
  py: 'python',
  js: 'javascript',
  ts: 'typescript',
  jsx: 'javascriptreact',
  tsx: 'typescriptreact',
  yml: 'yaml',
  cs: 'csharp',
  'c#': 'csharp',
  sh: 'shellscript',
  bash: 'shellscript',
  shell: 'shellscript',
  env: 'dotenv',
  golang: 'go',
  kt: 'kotlin',
};

// ---------------------------------------------------------------- code

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  DQuote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Amp = 38,
  SQuote = 39,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Colon = 58,
  Semi = 59,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  Question = 63,
  At = 64,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Backtick = 96,
  Underscore = 95,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
}

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === Ch.Underscore || c === Ch.Dollar || c > 127;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

const PY_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;

function scanCode(text: string, from: number, to: number, spec: LanguageSpec, root: Container, out: ScanResult): void {
  const stack: Container[] = [root];
  let top = root;
  /** The key waiting for its value: `model` after `model:` / `model=`. */
  let pendingKey: string | null = null;
  /** The last identifier (possibly dotted path) and where it ended, for keys, callees and builder calls. */
  let lastIdent: string | null = null;
  let lastIdentPath: string | null = null;
  let lastIdentEnd = -1;
  /** A string just read that may turn out to be a key (`"model": …`). */
  let lastString: Value | null = null;
  let lastStringEnd = -1;
  /** `new X {` / `X(`: callee remembered across the token in between. */
  let newCallee: string | null = null;
  /** A builder or keyword call `.model(` waiting for its single argument. */
  let callKey: string | null = null;
  /** The structure of a builder chain under way (`X.builder().a(1).b(2)`). */
  let chain: Container | null = null;

  const lineComments = spec.line;
  const blocks = spec.block;
  /** Candidates whose structure is a call, so a builder call's value can be lifted to the chain it belongs to. */
  const callMembers = new Map<Container, Candidate[]>();
  const commentStarts = new Set([...lineComments, ...blocks.map((b) => b[0])].map((x) => x.charCodeAt(0)));

  /** At a statement boundary in a block or at the top level, start a fresh set of siblings. */
  const newSegment = () => {
    if ((top.kind === 'block' || top.kind === 'root') && top.pairs.size > 0) {
      const segment: Container = { ...top, pairs: new Map() };
      stack[stack.length - 1] = segment;
      top = segment;
    }
  };

  /** A separator ends whatever key, call or identifier was pending. */
  const forget = () => {
    pendingKey = null;
    callKey = null;
    lastString = null;
    lastIdent = null;
    lastIdentPath = null;
  };

  const pushValue = (value: Value, key: string | null) => {
    if (key !== null) top.pairs.set(key, value);
    if (value.kind === 'number') return;
    const reason = isCandidate(value.text, key);
    if (reason) {
      const cand: Candidate = { value, key, reason, container: top, inComment: false };
      out.candidates.push(cand);
      if (top.kind === 'call') (callMembers.get(top) ?? callMembers.set(top, []).get(top)!).push(cand);
    }
  };

  /** Open a structure; the key, callee and identifier that named it are used up. */
  const open = (kind: Container['kind'], start: number, key: string | null, callee: string | null) => {
    const c: Container = { kind, key, callee, start, pairs: new Map(), parent: top };
    stack.push(c);
    top = c;
    pendingKey = null;
    newCallee = null;
    lastString = null;
    lastIdent = null;
  };
  const close = () => {
    if (stack.length > 1) {
      stack.pop();
      top = stack[stack.length - 1];
    }
  };

  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === Ch.Space || c === Ch.Tab || c === Ch.LF || c === Ch.CR) {
      if (c === Ch.LF && (top.kind === 'root' || top.kind === 'block')) {
        // A line ends a statement here (Python, or JavaScript without semicolons): assignments on
        // later lines are not siblings of this one. Builder chains continue in their own structure.
        if (spec.python) pendingKey = null;
        newSegment();
      }
      i++;
      continue;
    }
    // Comments.
    let commented = false;
    if (commentStarts.has(c)) for (const lc of lineComments) {
      if (text.startsWith(lc, i)) {
        let e = text.indexOf('\n', i);
        if (e < 0 || e > to) e = to;
        out.comments.push({ start: i, end: e, text: text.slice(i + lc.length, e) });
        scanProse(text, i, e, top, out, true);
        i = e;
        commented = true;
        break;
      }
    }
    if (commented) continue;
    if (commentStarts.has(c)) for (const [o, cl] of blocks) {
      if (text.startsWith(o, i)) {
        let e = text.indexOf(cl, i + o.length);
        e = e < 0 || e > to ? to : e + cl.length;
        out.comments.push({ start: i, end: e, text: text.slice(i + o.length, Math.max(i + o.length, e - cl.length)) });
        scanProse(text, i, e, top, out, true);
        i = e;
        commented = true;
        break;
      }
    }
    if (commented) continue;

    // Strings.
    let quoteAt = -1;
    let prefix = '';
    if (c === Ch.DQuote || c === Ch.SQuote || (c === Ch.Backtick && spec.backtick)) quoteAt = i;
    else if (spec.csharp && (c === Ch.At || c === Ch.Dollar)) {
      let j = i;
      while (j < to && (text.charCodeAt(j) === Ch.At || text.charCodeAt(j) === Ch.Dollar) && j - i < 3) j++;
      if (text.charCodeAt(j) === Ch.DQuote) {
        quoteAt = j;
        prefix = text.slice(i, j);
      }
    }
    if (quoteAt >= 0) {
      const r = readString(text, quoteAt, to, spec, prefix);
      const value: Value = { text: text.slice(r.start, r.end), start: r.start, end: r.end, kind: 'string', open: r.open || undefined };
      i = r.next;
      // A string followed by `:` is a key (JSON, JS object literals, Python dicts), unless it is the
      // first branch of a conditional (`cond ? "a" : "b"`).
      if (nextSignificant(text, i, to) === Ch.Colon && text.charCodeAt(nextSignificantIndex(text, i, to) + 1) !== Ch.Colon && previousSignificant(text, quoteAt - prefix.length, from) !== Ch.Question) {
        lastString = value;
        lastStringEnd = i;
        continue;
      }
      const key = callKey ?? pendingKey;
      pushValue(value, key);
      pendingKey = null;
      callKey = null;
      lastIdent = null;
      continue;
    }

    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < to && isIdentPart(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      // Python string prefixes: r"…", f'…', rb"…".
      if (spec.python && PY_PREFIX.test(word) && (text.charCodeAt(j) === Ch.DQuote || text.charCodeAt(j) === Ch.SQuote)) {
        const r = readString(text, j, to, spec, word);
        const value: Value = { text: text.slice(r.start, r.end), start: r.start, end: r.end, kind: 'string', open: r.open || undefined };
        i = r.next;
        pushValue(value, callKey ?? pendingKey);
        pendingKey = null;
        callKey = null;
        continue;
      }
      // Dotted paths: `client.embeddings.create`.
      const dotted: boolean = lastIdentEnd >= 0 && lastIdentEnd === i - 1 && text.charCodeAt(i - 1) === Ch.Dot && lastIdentPath !== null;
      lastIdentPath = dotted ? `${lastIdentPath}.${word}` : word;
      if (word === 'new') {
        newCallee = '';
      } else if (newCallee === '') {
        newCallee = word;
      } else if (newCallee !== null && text.charCodeAt(i - 1) === Ch.Dot) {
        newCallee = `${newCallee}.${word}`;
      }
      if ((word === 'true' || word === 'false' || word === 'null' || word === 'None' || word === 'True' || word === 'False') && pendingKey) {
        top.pairs.set(pendingKey, { text: word, start: i, end: j, kind: 'bare' });
        pendingKey = null;
      }
      lastIdent = word;
      lastIdentEnd = j;
      i = j;
      continue;
    }

    if (isDigit(c) || (c === Ch.Minus && isDigit(text.charCodeAt(i + 1)) && pendingKey)) {
      let j = i + 1;
      while (j < to && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === Ch.Dot)) j++;
      const num: Value = { text: text.slice(i, j).replace(/_/g, ''), start: i, end: j, kind: 'number' };
      const key = callKey ?? pendingKey;
      if (key !== null) top.pairs.set(key, num);
      pendingKey = null;
      callKey = null;
      lastIdent = null;
      i = j;
      continue;
    }

    switch (c) {
      case Ch.Colon:
      case Ch.Eq: {
        const next = text.charCodeAt(i + 1);
        const prev = text.charCodeAt(i - 1);
        if (c === Ch.Eq && (next === Ch.Eq || next === Ch.Gt || prev === Ch.Eq || prev === Ch.Bang || prev === Ch.Lt || prev === Ch.Gt || prev === Ch.Plus || prev === Ch.Minus || prev === Ch.Star || prev === Ch.Slash || prev === Ch.Percent || prev === Ch.Amp || prev === Ch.Pipe)) {
          // ==, =>, !=, <=, +=, … : not an assignment.
          pendingKey = null;
          i += next === Ch.Eq || next === Ch.Gt ? 2 : 1;
          continue;
        }
        if (c === Ch.Colon && next === Ch.Colon) {
          i += 2;
          continue;
        }
        if (lastString && lastStringEnd >= 0 && onlySpaceBetween(text, lastStringEnd, i)) pendingKey = lastString.text;
        else if (lastIdent !== null && onlySpaceBetween(text, lastIdentEnd, i)) pendingKey = lastIdent;
        else if (c === Ch.Eq && prev === Ch.Colon) {
          /* Go's := keeps the key from before the colon */
        } else pendingKey = null;
        lastString = null;
        lastIdent = null;
        i++;
        continue;
      }
      case Ch.LBrace:
      case Ch.LBracket: {
        const key = pendingKey ?? (lastString && onlySpaceBetween(text, lastStringEnd, i) ? lastString.text : null);
        const callee = newCallee || (c === Ch.LBrace && lastIdentPath && lastIdentEnd >= 0 && onlySpaceBetween(text, lastIdentEnd, i) ? lastIdentPath : null);
        const kind = c === Ch.LBracket ? 'array' : key !== null || callee || !startsBlock(text, from, i, lastIdent) ? 'object' : 'block';
        open(kind, i, key, callee);
        i++;
        continue;
      }
      case Ch.LParen: {
        const callee = lastIdentPath && lastIdentEnd >= 0 && onlySpaceBetween(text, lastIdentEnd, i) ? lastIdentPath : null;
        const builder = callee !== null && lastIdent !== null && text.charCodeAt(lastIdentEnd - (lastIdent?.length ?? 0) - 1) === Ch.Dot;
        // `.model("…")`: the single argument of a builder call takes the method name as its key.
        const builderKey = builder && lastIdent && isBuilderKey(lastIdent) ? lastIdent : null;
        open('call', i, pendingKey, newCallee || callee);
        callKey = builderKey;
        i++;
        continue;
      }
      case Ch.RBrace:
      case Ch.RBracket:
      case Ch.RParen: {
        const closed = top;
        close();
        const members = callMembers.get(closed);
        callMembers.delete(closed);
        // Builder chains: `new X.Builder().model("x").numTokensForCompletion(9).build()` — the pairs of the
        // chain's calls belong together, in a structure named after the chain's first call.
        const continues = c === Ch.RParen && nextSignificant(text, i + 1, to) === Ch.Dot;
        if (closed.kind === 'call' && closed.callee) {
          const method = closed.callee.slice(closed.callee.lastIndexOf('.') + 1);
          const v = closed.pairs.size === 1 ? closed.pairs.get(method) : undefined;
          if (continues && !chain) chain = { kind: 'call', key: closed.key, callee: closed.callee, start: closed.start, pairs: new Map(), parent: top };
          const target = chain ?? top;
          if (v) target.pairs.set(method, v);
          if (v) for (const cand of members ?? []) if (cand.key === method) cand.container = target;
        }
        if (!continues) chain = null;
        forget();
        i++;
        continue;
      }
      case Ch.Comma:
        forget();
        i++;
        continue;
      case Ch.Semi:
        // A statement ends: in a block, later statements are not siblings of earlier ones.
        newSegment();
        forget();
        newCallee = null;
        i++;
        continue;
      case Ch.Dot:
        i++;
        continue;
      default:
        if (c !== Ch.Dot) {
          lastString = null;
          if (c !== Ch.Lt && c !== Ch.Gt) lastIdent = null;
        }
        i++;
    }
  }
}

/** Does a `{` at `at` open a code block (after `)`, `;`, `{`, `}`, `else`, `try`…) rather than an object literal? */
function startsBlock(text: string, from: number, at: number, lastIdent: string | null): boolean {
  let k = at - 1;
  while (k >= from && /\s/.test(text[k])) k--;
  if (k < from) return true;
  const p = text.charCodeAt(k);
  if (p === Ch.RParen || p === Ch.Semi || p === Ch.LBrace || p === Ch.RBrace || p === Ch.Gt) return true;
  return lastIdent !== null && /^(?:else|try|do|finally|static|get|set)$/.test(lastIdent);
}

/** Builder-method names whose argument is a keyed value: `model`, `numTokensForCompletion`, `maxTokens`… */
function isBuilderKey(name: string): boolean {
  return isModelKey(name) || /tokens/i.test(name);
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  // A key and its `:` or `=`, or a callee and its `(`, are close; a long gap means they are unrelated.
  if (to - from > 64) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== Ch.Space && c !== Ch.Tab) return false;
  }
  return true;
}

function previousSignificant(text: string, before: number, from: number): number {
  for (let k = before - 1, n = 0; k >= from && n < 64; k--, n++) {
    const c = text.charCodeAt(k);
    if (c !== Ch.Space && c !== Ch.Tab && c !== Ch.LF && c !== Ch.CR) return c;
  }
  return -1;
}

function nextSignificantIndex(text: string, from: number, to: number): number {
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c !== Ch.Space && c !== Ch.Tab) break;
    k++;
  }
  return k;
}

function nextSignificant(text: string, from: number, to: number): number {
  const k = nextSignificantIndex(text, from, to);
  return k < to ? text.charCodeAt(k) : -1;
}

interface StringRead {
  start: number;
  end: number;
  next: number;
  open: boolean;
}

/** Read a string starting at its opening quote. Ends at the closing quote, or at the end of the line when unterminated (single-line kinds). */
function readString(text: string, q: number, to: number, spec: LanguageSpec, prefix: string): StringRead {
  const quote = text.charCodeAt(q);
  const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote && (spec.python || spec.csharp || spec.keyvalue);
  const raw = /[rR]/.test(prefix) && spec.python;
  const verbatim = spec.csharp && prefix.includes('@');
  const multiline = triple || quote === Ch.Backtick || verbatim;
  const noEscapes = raw || verbatim || (quote === Ch.Backtick && !spec.backtick) || triple === true && spec.csharp === true;
  const qlen = triple ? 3 : 1;
  const start = q + qlen;
  let k = start;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c === Ch.Backslash && !noEscapes && !(quote === Ch.Backtick && spec === LANGUAGES.go)) {
      k += 2;
      continue;
    }
    if (!multiline && (c === Ch.LF || c === Ch.CR)) return { start, end: k, next: k, open: true };
    if (c === quote) {
      if (triple) {
        if (text.charCodeAt(k + 1) === quote && text.charCodeAt(k + 2) === quote) return { start, end: k, next: k + 3, open: false };
      } else if (verbatim && text.charCodeAt(k + 1) === quote) {
        k += 2; // "" inside a verbatim string
        continue;
      } else return { start, end: k, next: k + 1, open: false };
    }
    k++;
  }
  return { start, end: to, next: to, open: true };
}

// ---------------------------------------------------------------- YAML

function stripTrailingComment(line: string): string {
  let quote = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === Ch.DQuote || c === Ch.SQuote) {
      if (k === 0 || line[k - 1] === ' ' || line[k - 1] === ':' || line[k - 1] === '-' || line[k - 1] === '[' || line[k - 1] === ',') quote = c;
    } else if (c === Ch.Hash && (k === 0 || line[k - 1] === ' ' || line[k - 1] === '\t')) return line.slice(0, k);
  }
  return line;
}

function scalar(from: number, raw: string): Value | null {
  let s = raw;
  let start = from;
  const lead = s.length - s.trimStart().length;
  s = s.trim();
  start += lead;
  if (s === '') return null;
  const q = s.charCodeAt(0);
  if (q === Ch.DQuote || q === Ch.SQuote) {
    const closeAt = s.indexOf(String.fromCharCode(q), 1);
    const inner = closeAt < 0 ? s.slice(1) : s.slice(1, closeAt);
    return { text: inner, start: start + 1, end: start + 1 + inner.length, kind: 'string', open: closeAt < 0 || undefined };
  }
  if (/^[-+]?\d[\d_]*(?:\.\d+)?$/.test(s)) return { text: s.replace(/_/g, ''), start, end: start + s.length, kind: 'number' };
  return { text: s, start, end: start + s.length, kind: 'bare' };
}

function scanYaml(text: string, from: number, to: number, root: Container, out: ScanResult): void {
  const stack: Array<{ indent: number; c: Container }> = [{ indent: -1, c: root }];
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const rawLine = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const hash = commentStart(rawLine);
    if (hash >= 0) {
      out.comments.push({ start: lineStart + hash, end: lineStart + rawLine.length, text: rawLine.slice(hash + 1) });
      scanProse(text, lineStart + hash, lineStart + rawLine.length, stack[stack.length - 1].c, out, true);
    }
    const line = stripTrailingComment(rawLine);
    let indent = 0;
    while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
    if (indent < line.length && line.slice(indent, indent + 3) !== '---') {
      let col = indent;
      // Sequence items: each `- ` starts a new item (a new mapping when it holds keys).
      while (line[col] === '-' && (line[col + 1] === ' ' || col + 1 === line.length)) {
        while (stack.length > 1 && stack[stack.length - 1].indent >= col) stack.pop();
        const parent = stack[stack.length - 1].c;
        const item: Container = { kind: 'mapping', key: parent.key, callee: null, start: lineStart + col, pairs: new Map(), parent };
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
          const child: Container = { kind: 'mapping', key, callee: null, start: lineStart + col, pairs: new Map(), parent };
          stack.push({ indent: col, c: child });
          if (!v && isModelKey(key)) {
            // `model: ` with nothing yet: where a completion goes.
            const at = lineStart + line.length;
            out.candidates.push({ value: { text: '', start: at, end: at, kind: 'bare' }, key, reason: 'key', container: parent, inComment: false });
          }
        } else if (v.text.startsWith('{') || v.text.startsWith('[')) {
          scanCode(text, v.start, v.end, GENERIC, { kind: 'object', key, callee: null, start: v.start, pairs: new Map(), parent }, out);
        } else {
          parent.pairs.set(key, v);
          if (v.kind !== 'number') {
            const reason = isCandidate(v.text, key);
            if (reason) out.candidates.push({ value: v, key, reason, container: parent, inComment: false });
          }
        }
      } else if (col > indent || line[indent] !== '-') {
        // A bare item of a sequence (`- gpt-4o-mini`), or a continuation line.
        const v = scalar(lineStart + col, line.slice(col));
        const container = stack[stack.length - 1].c;
        if (v && v.kind !== 'number') {
          const key = col > indent ? container.key : null;
          const reason = isCandidate(v.text, key);
          if (reason) out.candidates.push({ value: v, key, reason, container: container.parent ?? container, inComment: false });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
}

function commentStart(line: string): number {
  const stripped = stripTrailingComment(line);
  return stripped.length < line.length ? stripped.length : -1;
}

// ---------------------------------------------------------------- .env, INI, TOML, properties

function scanKeyValue(text: string, from: number, to: number, spec: LanguageSpec, root: Container, out: ScanResult): void {
  const kv = spec.keyvalue!;
  let container = root;
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const trimmed = line.trimStart();
    const lead = line.length - trimmed.length;
    if (kv.comments.some((cm) => trimmed.startsWith(cm))) {
      out.comments.push({ start: lineStart + lead, end: lineStart + line.length, text: trimmed.slice(1) });
      scanProse(text, lineStart + lead, lineStart + line.length, container, out, true);
    } else if (/^\[\[?[^\]]+\]\]?\s*$/.test(trimmed)) {
      const name = trimmed.replace(/^\[+|\]+\s*$/g, '').trim();
      container = { kind: 'section', key: name.split('.').pop() ?? name, callee: name, start: lineStart, pairs: new Map(), parent: root };
    } else {
      const m = new RegExp(`^(?:export\\s+)?("[^"]*"|'[^']*'|[^\\s${escapeClass(kv.separators)}]+)\\s*[${escapeClass(kv.separators)}]\\s*`).exec(trimmed);
      if (m) {
        const key = m[1].replace(/^["']|["']$/g, '');
        const valueFrom = lead + m[0].length;
        let rest = line.slice(valueFrom);
        const q = rest.charCodeAt(0);
        if (q !== Ch.DQuote && q !== Ch.SQuote) {
          const hash = rest.search(/\s[#;]/);
          if (hash >= 0) rest = rest.slice(0, hash);
        }
        if (rest.trim().startsWith('{') || rest.trim().startsWith('[')) {
          scanCode(text, lineStart + valueFrom, lineStart + valueFrom + rest.length, GENERIC, { kind: 'object', key, callee: null, start: lineStart, pairs: new Map(), parent: container }, out);
        } else {
          const v = scalar(lineStart + valueFrom, rest);
          const value: Value = v ?? { text: '', start: lineStart + valueFrom, end: lineStart + valueFrom, kind: 'bare' };
          container.pairs.set(key, value);
          if (value.kind !== 'number') {
            const reason = isCandidate(value.text, key);
            if (reason) out.candidates.push({ value, key, reason, container, inComment: false });
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

/** The slot a candidate fills: an embeddings model, a chat model, or unknown. */
export function slotOf(c: Candidate): 'embeddings' | 'chat' | null {
  if (isEmbeddingsName(c.key)) return 'embeddings';
  // The structure itself and up to two around it (`create({ model })`, `Embeddings = new X { Model = … }`).
  let depth = 0;
  for (let k: Container | null = c.container; k && k.kind !== 'root' && depth < 3; k = k.parent, depth++) {
    if (isEmbeddingsName(k.key) || isEmbeddingsName(k.callee)) return 'embeddings';
  }
  depth = 0;
  for (let k: Container | null = c.container; k && k.kind !== 'root' && depth < 3; k = k.parent, depth++) {
    if (/chat|complet|generat|basic_?text|long_?text|basic_?gen|text_?gen|\bask\b|extract|responses|messages/i.test(`${k.key ?? ''} ${k.callee ?? ''}`)) return 'chat';
  }
  for (const sib of c.container.pairs.keys()) {
    if (/^(?:num_?tokens_?for_?completion|max_?(?:output_?|completion_?)?tokens|prompt_?template|system_?message|messages|temperature|llm_?endpoint_?params)$/i.test(sib)) return 'chat';
  }
  return null;
}

/** The candidate whose value contains the offset (ends inclusive, so a cursor right after the last character counts). */
export function candidateAt(result: ScanResult, offset: number): Candidate | undefined {
  let lo = 0;
  let hi = result.candidates.length - 1;
  const list = result.candidates;
  // Candidates are mostly in order; fall back to a linear pass when they are not.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid].value;
    if (offset < v.start) hi = mid - 1;
    else if (offset > v.end) lo = mid + 1;
    else return list[mid];
  }
  return list.find((c) => offset >= c.value.start && offset <= c.value.end);
}

