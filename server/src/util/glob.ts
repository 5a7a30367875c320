/**
 * Globs for settings and ignore files (`*`, `**`, `?`, `[abc]`, `[!a]`, `{a,b}`), matched in linear time.
 *
 * A glob is compiled once into a list of steps and run as a set of states over the text, one
 * character at a time (no backtracking): the cost is at most the text's length times the glob's,
 * whatever the glob — `*a*a*a*a*b` against a long name is as cheap as `*.md`.
 */

type Step =
  | { kind: 'char'; code: number }
  /** `?`: one character other than `/`. */
  | { kind: 'one' }
  | { kind: 'class'; ranges: ReadonlyArray<readonly [number, number]>; negated: boolean }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**` not followed by `/`: any run of characters. */
  | { kind: 'all' }
  /** `**​/`: any number of whole segments (`a/`, `a/b/`); always followed by its `segment` step. */
  | { kind: 'segments' }
  /** Inside one of those segments, before its `/`. */
  | { kind: 'segment' };

const SLASH = 47;
/** Globs longer than this match nothing (`readSettings` says so). */
export const MAX_GLOB_LENGTH = 1024;
/** Braces expanding to more alternatives than this are read as ordinary characters. */
const MAX_ALTERNATIVES = 64;
/** Compiled globs kept; the oldest is dropped first, so a long list costs no more than a short one. */
const CACHE_SIZE = 4096;

interface Program {
  steps: readonly Step[];
  /** The literal text every match starts with: most texts are turned away by it at once. */
  prefix: string;
}
const cache = new Map<string, readonly Program[]>();

/** The alternatives of a glob: `{a,b}c` → `ac`, `bc` when the braces balance and stay few; otherwise the glob itself. */
function expandBraces(glob: string, budget = { left: MAX_ALTERNATIVES }): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < glob.length && close < 0; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [glob];
  const head = glob.slice(0, open);
  const bounds = [open, ...commas, close];
  const tails = expandBraces(glob.slice(close + 1), budget);
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const middle of expandBraces(glob.slice(bounds[k] + 1, bounds[k + 1]), budget)) {
      for (const tail of tails) {
        if (--budget.left < 0) return [glob];
        out.push(head + middle + tail);
      }
    }
  }
  return out;
}

function compile(glob: string): Program {
  const steps: Step[] = [];
  const prefix = /^[^*?[]*/.exec(glob)?.[0] ?? '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      let stars = 1;
      while (glob[i + stars] === '*') stars++;
      i += stars - 1;
      if (stars > 1 && glob[i + 1] === '/') {
        steps.push({ kind: 'segments' }, { kind: 'segment' });
        i++;
      } else if (stars > 1) steps.push({ kind: 'all' });
      else if (steps[steps.length - 1]?.kind !== 'star') steps.push({ kind: 'star' });
    } else if (c === '?') steps.push({ kind: 'one' });
    else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const end = glob.indexOf(']', i + 2);
      let body = glob.slice(i + 1, end);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      const ranges: Array<[number, number]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body.charCodeAt(k), body.charCodeAt(k + 2)]);
          k += 2;
        } else ranges.push([body.charCodeAt(k), body.charCodeAt(k)]);
      }
      steps.push({ kind: 'class', ranges, negated });
      i = end;
    } else steps.push({ kind: 'char', code: glob.charCodeAt(i) });
  }
  return { steps, prefix };
}

function inClass(step: { ranges: ReadonlyArray<readonly [number, number]>; negated: boolean }, c: number): boolean {
  if (c === SLASH) return false;
  let hit = false;
  for (const [a, b] of step.ranges) if (c >= a && c <= b) hit = true;
  return hit !== step.negated;
}

/** Does the program match the whole text? A set of states advanced one character at a time. */
function run({ steps: program, prefix }: Program, text: string): boolean {
  if (!text.startsWith(prefix)) return false;
  const n = program.length;
  const seen = new Uint32Array(n + 1);
  let stamp = 1;
  let current: number[] = [];
  let next: number[] = [];
  // Enter a state and every state reachable from it without reading (past stars and `**/`).
  const enter = (list: number[], i: number): void => {
    while (i <= n && seen[i] !== stamp) {
      seen[i] = stamp;
      list.push(i);
      const kind = program[i]?.kind;
      if (kind === 'star' || kind === 'all') i++;
      else if (kind === 'segments') i += 2;
      else return;
    }
  };
  enter(current, 0);
  for (let k = 0; k < text.length && current.length; k++) {
    const c = text.charCodeAt(k);
    stamp++;
    next.length = 0;
    for (const i of current) {
      const step = program[i];
      if (!step) continue;
      switch (step.kind) {
        case 'char':
          if (step.code === c) enter(next, i + 1);
          break;
        case 'one':
          if (c !== SLASH) enter(next, i + 1);
          break;
        case 'class':
          if (inClass(step, c)) enter(next, i + 1);
          break;
        case 'star':
          if (c !== SLASH) enter(next, i);
          break;
        case 'all':
          enter(next, i);
          break;
        case 'segments':
          enter(next, c === SLASH ? i : i + 1);
          break;
        case 'segment':
          enter(next, c === SLASH ? i - 1 : i);
          break;
      }
    }
    [current, next] = [next, current];
  }
  stamp++;
  // A last segment may also end with the text (`a/**/` matches `a/b`): what follows it must then match nothing.
  for (const i of [...current]) if (program[i]?.kind === 'segment') enter(current, i + 1);
  return current.includes(n);
}

function programs(glob: string): readonly Program[] {
  let hit = cache.get(glob);
  if (hit) {
    // Most recently used last: the oldest entry is the first one dropped.
    cache.delete(glob);
    cache.set(glob, hit);
    return hit;
  }
  hit = glob.length > MAX_GLOB_LENGTH ? [] : expandBraces(glob).map(compile);
  cache.set(glob, hit);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return hit;
}

/** Does the glob match the whole text (a path with `/` separators, or a name)? */
export function globMatches(glob: string, text: string): boolean {
  return programs(glob).some((p) => run(p, text));
}

/** Does a path (with `/` or `\` separators) match a glob? Globs without a slash match the base name anywhere. */
export function matchGlob(glob: string, path: string): boolean {
  const p = path.replace(/\\/g, '/');
  if (!glob.includes('/')) return globMatches(glob, p.slice(p.lastIndexOf('/') + 1)) || globMatches(glob, p);
  return globMatches(glob.replace(/^\.\//, ''), p) || globMatches(glob, p);
}

/** The folder part of a glob before its first wildcard: where a search must start. */
export function globBase(glob: string): string {
  const parts = glob.replace(/\\/g, '/').split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?{[]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

export function hasMagic(glob: string): boolean {
  return /[*?{[]/.test(glob);
}

/** Answers kept per list; the oldest is dropped first. */
const MEMO_SIZE = 8192;

/**
 * A list of names and globs (`allow`, `exclude`), asked about the same texts again and again: exact entries
 * are looked up, globs matched, and each answer is remembered.
 */
export class GlobList {
  private readonly exact: ReadonlySet<string>;
  private readonly globs: readonly string[];
  private readonly memo = new Map<string, boolean>();

  /** `plain`: whether an entry without wildcards names exactly one text (`allow`), or is matched as a glob too (`exclude: ["secrets.md"]`). */
  constructor(entries: readonly string[], plain: 'exact' | 'glob') {
    this.exact = new Set(entries);
    this.globs = plain === 'exact' ? entries.filter(hasMagic) : entries;
  }

  /** Is the text one of the entries, or matched by one of the globs (`matchGlob`'s rules)? */
  matches(text: string): boolean {
    if (this.globs.length === 0) return this.exact.has(text); // nothing to match, nothing to remember
    let hit = this.memo.get(text);
    if (hit === undefined) {
      hit = this.exact.has(text) || this.globs.some((g) => matchGlob(g, text));
      this.memo.set(text, hit);
      if (this.memo.size > MEMO_SIZE) this.memo.delete(this.memo.keys().next().value as string);
    }
    return hit;
  }
}
