/**
 * Programming languages and JSON: one pass of a small state machine over
 * the characters. It tracks the structures (objects, calls, arrays, blocks),
 * the key waiting for its value (`model=`, `"model":`, `Model =`), callees
 * and builder chains, and records string values that may be model names.
 */
import type { LanguageSpec } from '../languages';
import { Ch, isDigit, isIdentPart, isIdentStart, isSpace, nextSignificant, nextSignificantIndex, onlySpaceBetween, previousSignificant } from './chars';
import { Marker, type Marks } from './checkpoints';
import { valueCandidate } from './context';
import { scanComment, scanProse } from './prose';
import { isModelKey } from './shape';
import { readString } from './strings';
import { makeContainer, makeValue, MAX_DEPTH, NO_PAIRS, Pairs, setPair, type Candidate, type Container, type ScanResult, type Value } from './types';
import type { Steps } from '../util/steps';

const PY_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;
/** The AI SDK's provider functions, whose argument is a model id: `openai('gpt-4o')`, `anthropic.messages(…)`, `google.textEmbeddingModel(…)`. */
const AI_SDK_PROVIDER = /^(?:openai|anthropic|google|vertex|azure|bedrock|mistral|xai|deepseek|cohere|groq|perplexity|togetherai|fireworks|cerebras|openrouter)(?:\.(?:chat|responses|completion|embedding|textEmbedding|textEmbeddingModel|languageModel|image|imageModel))?$/;
const LITERAL_WORD = /^(?:true|false|null|None|True|False)$/;
/** Methods whose arguments are about names: tests on strings, regular expressions, lookups by name, tokenizers. */
const ABOUT_NAMES_METHOD =
  /^(?:startswith|endswith|startsWith|endsWith|StartsWith|EndsWith|includes|contains|Contains|indexOf|IndexOf|lastIndexOf|match|matchAll|fullmatch|search|test|sub|findall|finditer|compile|replace|replaceAll|Replace|split|find|rfind|index|rindex|count|removeprefix|removesuffix|lstrip|rstrip|strip|has|equals|Equals|equalsIgnoreCase|localeCompare|assertEqual|assertEquals|assertNotEqual|assertIn|assertNotIn|assertRegex|toBe|toEqual|toStrictEqual|toContain|toMatch|encoding_for_model|encodingForModel|get_encoding|get_tokenizer|tokenizer_for|from_pretrained|insert|insert_all|insertAll)$/;
/** Predicates and classifiers of names (`is_openai_model("…")`, `supportsVision(…)`, `_find_model_family(…)`, `…_required(…)`). */
const CLASSIFIER = /^(?:_?is_|_?has_|_?supports?_|is[A-Z]|has[A-Z]|supports[A-Z])|(?:_family|Family|_required|Required)$|^_?get_default_\w*settings$|^_?find_model_family$/;
/** `=` after these is part of an operator (`==`, `!=`, `<=`, `+=`…), not an assignment. */
const OPERATOR_BEFORE_EQ = new Set<number>([Ch.Eq, Ch.Bang, Ch.Lt, Ch.Gt, Ch.Plus, Ch.Minus, Ch.Star, Ch.Slash, Ch.Percent, Ch.Amp, Ch.Pipe]);

export function* scanCode(text: string, from: number, to: number, spec: LanguageSpec, root: Container, out: ScanResult, marks?: Marks): Steps {
  yield* new CodeScanner(text, from, to, spec, root, out, marks).run();
}

class CodeScanner {
  private readonly stack: Container[];
  private top: Container;
  /** The key waiting for its value: `model` after `model:` / `model=`. */
  private pendingKey: string | null = null;
  /** The last identifier (possibly dotted path) and where it ended, for keys, callees and builder calls. */
  private lastIdent: string | null = null;
  private lastIdentPath: string | null = null;
  private lastIdentEnd = -1;
  /** A string just read that may turn out to be a key (`"model": …`). */
  private lastString: string | null = null;
  private lastStringEnd = -1;
  /** The string of a subscript being assigned (`env["MODEL"] =`) and where its `]` ends. */
  private subscriptKey: string | null = null;
  private subscriptEnd = -1;
  /** `new X {` / `X(`: callee remembered across the token in between. */
  private newCallee: string | null = null;
  /** A builder or keyword call `.model(` waiting for its single argument. */
  private callKey: string | null = null;
  /** The structure of a builder chain under way (`X.builder().a(1).b(2)`). */
  private chain: Container | null = null;
  /** A comparison or membership test (`==`, `!=`, `in`, `case`) is waiting for its value: that value is about names. */
  private compare = false;
  /** Candidates whose structure is a call, so a builder call's value can be lifted to the chain it belongs to. */
  private readonly callMembers = new Map<Container, Candidate[]>();
  private readonly commentStarts: Set<number>;
  /** Structures opened beyond MAX_DEPTH and not yet closed. */
  private tooDeep = 0;
  private i: number;
  private readonly marker: Marker;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    private readonly spec: LanguageSpec,
    root: Container,
    private readonly out: ScanResult,
    private readonly marks?: Marks,
  ) {
    this.marker = new Marker(marks, root, from);
    this.stack = this.marker.stack;
    this.top = this.stack[this.stack.length - 1];
    this.i = this.marker.start(from);
    this.commentStarts = new Set([...spec.line, ...spec.block.map((b) => b[0])].map((x) => x.charCodeAt(0)));
  }

  *run(): Steps {
    const { text, to } = this;
    let n = 0;
    while (this.i < to) {
      if ((++n & 2047) === 0) yield;
      if (this.marker.lost(this.stack)) return;
      const c = text.charCodeAt(this.i);
      if (isSpace(c)) {
        if (c === Ch.LF && (this.top.kind === 'root' || this.top.kind === 'block')) {
          // A line ends a statement here (Python, or JavaScript without semicolons): assignments on
          // later lines are not siblings of this one. Builder chains continue in their own structure.
          if (this.spec.python) this.pendingKey = null;
          this.newSegment();
        }
        this.i++;
      } else if (this.commentStarts.has(c) && this.comment()) {
        // skipped
      } else if (this.stringAt(c)) {
        // read
      } else if (isIdentStart(c)) this.identifier();
      else if (isDigit(c) || (c === Ch.Minus && isDigit(text.charCodeAt(this.i + 1)) && this.pendingKey)) this.number();
      else this.punctuation(c);
    }
  }

  /** Nothing pending, inside a list: a place to take a checkpoint (called just after a comma). */
  private atRest(): boolean {
    return this.top.kind === 'array' && this.tooDeep === 0 && this.chain === null && this.newCallee === null && this.stack.length < MAX_DEPTH;
  }

  /** At a statement boundary in a block or at the top level, start a fresh set of siblings. */
  private newSegment(): void {
    const top = this.top;
    if ((top.kind === 'block' || top.kind === 'root') && top.pairs.size > 0) {
      const segment = makeContainer(top.kind, top.key, top.callee, top.start, top.parent, NO_PAIRS, top.about, top.keyFacts);
      segment.table = top.table;
      this.stack[this.stack.length - 1] = segment;
      this.top = segment;
    }
  }

  /** A separator ends whatever key, call or identifier was pending. */
  private forget(): void {
    this.compare = false;
    this.pendingKey = null;
    this.callKey = null;
    this.lastString = null;
    this.lastIdent = null;
    this.lastIdentPath = null;
  }

  private pushValue(value: Value, key: string | null, about = false): void {
    const top = this.top;
    if (key !== null) setPair(top, key, value);
    const compared = this.compare;
    this.compare = false;
    if (value.kind === 'number') return;
    const cand = valueCandidate(value, key, top, 'value', about || compared);
    if (!cand) return;
    this.out.candidates.push(cand);
    if (top.kind === 'call') {
      const list = this.callMembers.get(top);
      if (list) list.push(cand);
      else this.callMembers.set(top, [cand]);
    }
  }

  /** A string value: a name candidate, or, for a docstring, a block string or a multi-line template, prose. */
  private pushString(value: Value, triple: boolean, compared: boolean): void {
    const key = this.callKey ?? this.pendingKey;
    if (!triple && !value.text.includes('\n')) {
      this.pushValue(value, key, compared);
      return;
    }
    const first = this.out.candidates.length;
    scanProse(this.text, value.start, value.end, this.top, this.out, 'prose');
    // A block that is a list of names, one per line (`OPENAI_MODELS = """gpt-4 …"""`), is a table of them (short names like `o1` are not candidates).
    const lines = value.text.split('\n').map((l) => l.trim()).filter(Boolean);
    const found = this.out.candidates.length - first;
    if (found >= 5 && found >= lines.length / 2 && lines.every((l) => /^\S+$/.test(l))) for (let k = first; k < this.out.candidates.length; k++) this.out.candidates[k].about = true;
    if (key !== null) setPair(this.top, key, value);
    this.compare = false;
  }

  /** Open a structure; the key, callee and identifier that named it are used up. */
  private open(kind: Container['kind'], start: number, key: string | null, callee: string | null, about = false): void {
    if (this.stack.length >= MAX_DEPTH) {
      // Deeper than any real code: the structures inside are counted, not kept (a file of `[[[[…`).
      this.tooDeep++;
      this.forget();
      return;
    }
    // The list after `in` (`model in ["gpt-4", "gpt-4o"]`), or the arguments of a test on names.
    const c = makeContainer(kind, key, callee, start, this.top, NO_PAIRS, about || this.compare || this.top.about === true);
    this.compare = false;
    this.stack.push(c);
    this.top = c;
    this.pendingKey = null;
    this.newCallee = null;
    this.lastString = null;
    this.lastIdent = null;
  }

  private close(): void {
    if (this.stack.length > 1) {
      this.stack.pop();
      this.top = this.stack[this.stack.length - 1];
    }
  }

  /** A line or block comment at the cursor: recorded, its words scanned as prose. False when there is none. */
  private comment(): boolean {
    const e = scanComment(this.text, this.i, this.to, this.spec, this.top, this.out);
    if (e < 0) return false;
    this.i = e;
    return true;
  }

  /** A string literal at the cursor (with a C# `@`/`$` prefix): a key when a `:` follows, else a value. False when there is none. */
  private stringAt(c: number): boolean {
    const { text, to, spec, i } = this;
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
    if (quoteAt < 0) return false;
    const r = readString(text, quoteAt, to, spec, prefix);
    this.i = r.next;
    // A string followed by `:` is a key (JSON, JS object literals, Python dicts), unless it is the
    // first branch of a conditional (`cond ? "a" : "b"`).
    if (
      nextSignificant(text, r.next, to) === Ch.Colon &&
      text.charCodeAt(nextSignificantIndex(text, r.next, to) + 1) !== Ch.Colon &&
      previousSignificant(text, quoteAt - prefix.length, this.from) !== Ch.Question
    ) {
      this.lastString = text.slice(r.start, r.end);
      this.lastStringEnd = r.next;
      return true;
    }
    const value = makeValue(text.slice(r.start, r.end), r.start, r.end, 'string', r.open);
    // A subscript being assigned (`os.environ["OPENAI_MODEL"] = …`, `cfg['model'] = …`) names the key of the value after it.
    if (isSubscriptKey(text, quoteAt - prefix.length, r.next, this.from, to)) {
      this.subscriptKey = value.text;
      this.subscriptEnd = nextSignificantIndex(text, r.next, to) + 1;
      return true;
    }
    this.pushString(value, r.triple, comparedNext(text, r.next, to, spec));
    this.pendingKey = null;
    this.callKey = null;
    this.lastIdent = null;
    return true;
  }

  private identifier(): void {
    const { text, to, spec, i } = this;
    let j = i + 1;
    while (j < to && isIdentPart(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    // Python string prefixes: r"…", f'…', rb"…".
    if (spec.python && PY_PREFIX.test(word) && (text.charCodeAt(j) === Ch.DQuote || text.charCodeAt(j) === Ch.SQuote)) {
      const r = readString(text, j, to, spec, word);
      this.i = r.next;
      this.pushString(makeValue(text.slice(r.start, r.end), r.start, r.end, 'string', r.open), r.triple, comparedNext(text, r.next, to, spec));
      this.pendingKey = null;
      this.callKey = null;
      return;
    }
    // Dotted paths: `client.embeddings.create`.
    const dotted = this.lastIdentEnd >= 0 && this.lastIdentEnd === i - 1 && text.charCodeAt(i - 1) === Ch.Dot && this.lastIdentPath !== null;
    this.lastIdentPath = dotted ? `${this.lastIdentPath}.${word}` : word;
    if (word === 'new') this.newCallee = '';
    else if (this.newCallee === '') this.newCallee = word;
    else if (this.newCallee !== null && text.charCodeAt(i - 1) === Ch.Dot) this.newCallee = `${this.newCallee}.${word}`;
    // `"gpt-4-" in model`, `case "gpt-4":`, `x is not None`: what follows is compared, not used.
    this.compare = word === 'in' || word === 'case' || word === 'is' || word === 'not';
    if (this.pendingKey && LITERAL_WORD.test(word)) {
      setPair(this.top, this.pendingKey, makeValue(word, i, j, 'bare'));
      this.pendingKey = null;
    }
    this.lastIdent = word;
    this.lastIdentEnd = j;
    this.i = j;
  }

  private number(): void {
    const { text, to, i } = this;
    let j = i + 1;
    while (j < to && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === Ch.Dot)) j++;
    const key = this.callKey ?? this.pendingKey;
    if (key !== null) setPair(this.top, key, makeValue(text.slice(i, j).replace(/_/g, ''), i, j, 'number'));
    this.compare = false;
    this.pendingKey = null;
    this.callKey = null;
    this.lastIdent = null;
    this.i = j;
  }

  private punctuation(c: number): void {
    if (c === Ch.Colon || c === Ch.Eq) return this.assignment(c);
    if (c === Ch.LBrace || c === Ch.LBracket) return this.openBrace(c);
    if (c === Ch.LParen) return this.openCall();
    if (c === Ch.RBrace || c === Ch.RBracket || c === Ch.RParen) return this.closeStructure(c);
    if (c === Ch.Comma) {
      this.forget();
      if (this.marks && this.atRest()) {
        this.i++;
        if (this.marker.atRest(this.i, this.stack)) this.i = this.to; // the rest is as the earlier scan found it
        return;
      }
    } else if (c === Ch.Semi) {
      // A statement ends: in a block, later statements are not siblings of earlier ones.
      this.newSegment();
      this.forget();
      this.newCallee = null;
    } else if (c !== Ch.Dot) {
      this.lastString = null;
      if (c !== Ch.Lt && c !== Ch.Gt) this.lastIdent = null;
    }
    this.i++;
  }

  /** `:` or `=`: the identifier or string before it becomes the pending key (unless it is an operator). */
  private assignment(c: number): void {
    const { text, i } = this;
    const next = text.charCodeAt(i + 1);
    const prev = text.charCodeAt(i - 1);
    if (c === Ch.Eq && (next === Ch.Eq || next === Ch.Gt || OPERATOR_BEFORE_EQ.has(prev))) {
      // ==, =>, !=, <=, +=, … : not an assignment; after == and != the value is compared, not used.
      this.pendingKey = null;
      if (next === Ch.Eq || prev === Ch.Bang || prev === Ch.Eq) this.compare = true;
      this.i += next === Ch.Eq || next === Ch.Gt ? 2 : 1;
      return;
    }
    if (c === Ch.Colon && next === Ch.Colon) {
      this.i += 2;
      return;
    }
    if (this.lastString && this.lastStringEnd >= 0 && onlySpaceBetween(text, this.lastStringEnd, i)) this.pendingKey = this.lastString;
    else if (this.subscriptKey !== null && onlySpaceBetween(text, this.subscriptEnd, i)) this.pendingKey = this.subscriptKey;
    else if (this.lastIdent !== null && onlySpaceBetween(text, this.lastIdentEnd, i)) this.pendingKey = this.lastIdent;
    else if (!(c === Ch.Eq && prev === Ch.Colon)) this.pendingKey = null; // Go's := keeps the key from before the colon
    this.lastString = null;
    this.lastIdent = null;
    this.i++;
  }

  private openBrace(c: number): void {
    const { text, i } = this;
    const key = this.pendingKey ?? (this.lastString && onlySpaceBetween(text, this.lastStringEnd, i) ? this.lastString : null);
    const named = c === Ch.LBrace && this.lastIdentPath && this.lastIdentEnd >= 0 && onlySpaceBetween(text, this.lastIdentEnd, i) ? this.lastIdentPath : null;
    const callee = this.newCallee || named;
    const kind = c === Ch.LBracket ? 'array' : key !== null || callee || !startsBlock(text, this.from, i, this.lastIdent) ? 'object' : 'block';
    this.open(kind, i, key, callee);
    this.i++;
  }

  private openCall(): void {
    const { text, i, lastIdent, lastIdentEnd } = this;
    const callee = this.lastIdentPath && lastIdentEnd >= 0 && onlySpaceBetween(text, lastIdentEnd, i) ? this.lastIdentPath : null;
    const builder = callee !== null && lastIdent !== null && text.charCodeAt(lastIdentEnd - lastIdent.length - 1) === Ch.Dot;
    // `.model("…")`: the single argument of a builder call takes the method name as its key.
    const builderKey = builder && lastIdent && isBuilderKey(lastIdent) ? lastIdent : null;
    const sdkProvider = callee !== null && this.spec.backtick === true && !this.spec.rawBacktick && AI_SDK_PROVIDER.test(callee);
    const method = lastIdent !== null && callee !== null ? lastIdent : null;
    this.open('call', i, this.pendingKey, this.newCallee || callee, method !== null && (ABOUT_NAMES_METHOD.test(method) || CLASSIFIER.test(method)));
    this.callKey = builderKey ?? (sdkProvider ? 'model' : null);
    this.i++;
  }

  private closeStructure(c: number): void {
    if (this.tooDeep > 0) {
      this.tooDeep--;
      this.forget();
      this.i++;
      return;
    }
    const closed = this.top;
    this.close();
    const members = this.callMembers.get(closed);
    this.callMembers.delete(closed);
    // Builder chains: `new X.Builder().model("x").numTokensForCompletion(9).build()` — the pairs of the
    // chain's calls belong together, in a structure named after the chain's first call.
    const continues = c === Ch.RParen && nextSignificant(this.text, this.i + 1, this.to) === Ch.Dot;
    if (closed.kind === 'call' && closed.callee) {
      const method = closed.callee.slice(closed.callee.lastIndexOf('.') + 1);
      const v = closed.pairs.size === 1 ? closed.pairs.get(method) : undefined;
      if (continues && !this.chain) this.chain = makeContainer('call', closed.key, closed.callee, closed.start, this.top, new Pairs());
      const target = this.chain ?? this.top;
      if (v) {
        setPair(target, method, v);
        for (const cand of members ?? []) if (cand.key === method) cand.container = target;
      }
    }
    if (!continues) this.chain = null;
    this.forget();
    this.i++;
  }
}

/** Is the string from `start` to `next` the whole subscript of an assignment: `x["key"] = …` (not `==`)? */
function isSubscriptKey(text: string, start: number, next: number, from: number, to: number): boolean {
  let k = start - 1;
  while (k >= from && isSpace(text.charCodeAt(k))) k--;
  if (k <= from || text.charCodeAt(k) !== Ch.LBracket) return false;
  const before = text.charCodeAt(k - 1);
  if (!(isIdentPart(before) || before === Ch.RBracket || before === Ch.RParen)) return false;
  const close = nextSignificantIndex(text, next, to);
  if (text.charCodeAt(close) !== Ch.RBracket) return false;
  const eq = nextSignificantIndex(text, close + 1, to);
  return text.charCodeAt(eq) === Ch.Eq && text.charCodeAt(eq + 1) !== Ch.Eq;
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

/** Is the value just read compared or tested for membership (`"gpt-4-" in model`, `"gpt-4" == name`)? */
function comparedNext(text: string, next: number, to: number, spec: LanguageSpec): boolean {
  const k = nextSignificantIndex(text, next, to);
  const a = text.charCodeAt(k);
  const b = text.charCodeAt(k + 1);
  if ((a === Ch.Eq || a === Ch.Bang) && b === Ch.Eq) return true;
  return spec.python === true && /^(?:not\s+)?in\b/.test(text.slice(k, k + 8));
}
