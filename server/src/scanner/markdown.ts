/** Markdown: HTML comments, fenced code blocks scanned as their language, and the rest as prose. */
import { fenceLanguage, GENERIC } from '../languages';
import { scanCode } from './code';
import { scanJson } from './json';
import { scanKeyValue } from './keyValue';
import { scanProseSteps } from './prose';
import { scanShell } from './shell';
import { rootContainer, type Container, type ScanResult } from './types';
import { scanYaml } from './yaml';
import type { Steps } from '../util/steps';

/** A line that introduces captured output (`Example output:`): the block after it is a record, not an example to follow. */
const OUTPUT_INTRO = /^\s*(?:example\s+|sample\s+)?output\s*:?\s*$/i;
/** A dated article (a Jekyll post or benchmark page): its prose is history. */
const DATED_ARTICLE = /^---\s*\n(?:[^\n]*\n){0,40}?(?:excerpt:|nav_exclude:\s*true)|\{%\s*if page\.date\s*%\}/;
/** A list item that is nothing but an id (`- claude-3-opus-20240229`). */
const BARE_ITEM = /^[ \t]*[-*+][ \t]+`?[A-Za-z0-9][\w.:@/-]*`?[ \t]*$/;
/** At least this many such items in a row make a catalogue of names. */
const CATALOGUE_ITEMS = 10;

export function* scanMarkdown(text: string, root: Container, out: ScanResult): Steps {
  const first = out.candidates.length;
  yield* scanMarkdownBody(text, root, out);
  const dated = DATED_ARTICLE.test(text.slice(0, 20_000));
  const catalogues = bareListRanges(text);
  for (let k = first; k < out.candidates.length; k++) {
    const c = out.candidates[k];
    if ((dated && c.where === 'prose') || inRange(catalogues, c.value.start, c.value.end)) c.about = true;
  }
}

/** Is [start, end] inside one of the ranges (in order, apart)? A binary search. */
function inRange(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid];
    if (start < a) hi = mid - 1;
    else if (start > b) lo = mid + 1;
    else return end <= b;
  }
  return false;
}

/** HTML comments (`<!-- … -->`, at most 2,000 characters inside), found with a linear search. */
function htmlComments(text: string, out: ScanResult): void {
  let close = -1;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', open + 4)) {
    if (close < open + 4) close = text.indexOf('-->', open + 4);
    if (close < 0) return;
    if (close - (open + 4) > 2000) continue;
    out.comments.push({ start: open, end: close + 3, text: text.slice(open + 4, close) });
    open = close - 1;
  }
}

/** The ranges of runs of at least CATALOGUE_ITEMS list items that are each only an id. */
function bareListRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let runStart = -1;
  let count = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const bare = lineEnd - lineStart <= 200 && BARE_ITEM.test(text.slice(lineStart, lineEnd));
    if (bare) {
      if (count === 0) runStart = lineStart;
      count++;
    }
    if ((!bare || lineEnd >= text.length) && count > 0) {
      if (count >= CATALOGUE_ITEMS) out.push([runStart, bare ? lineEnd : lineStart]);
      count = 0;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

function* scanMarkdownBody(text: string, root: Container, out: ScanResult): Steps {
  htmlComments(text, out);
  // Fenced code blocks, found line by line: each is scanned as its language, the rest as prose.
  let pos = 0;
  let lineStart = 0;
  let fence: { char: string; len: number; lang: string; bodyStart: number; at: number; output: boolean } | null = null;
  let previous = '';
  let n = 0;
  while (lineStart <= text.length) {
    if ((++n & 511) === 0) yield;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const m = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]{0,30})/.exec(line);
    if (m && !fence) {
      fence = { char: m[1][0], len: m[1].length, lang: m[2], bodyStart: Math.min(lineEnd + 1, text.length), at: lineStart, output: OUTPUT_INTRO.test(previous) };
    } else if (m && fence && m[1][0] === fence.char && m[1].length >= fence.len && m[2] === '') {
      yield* scanProseSteps(text, pos, fence.at, root, out, 'prose');
      yield* scanFence(text, fence.bodyStart, lineStart, fence.lang, out, fence.output);
      pos = Math.min(lineEnd + 1, text.length);
      fence = null;
    }
    if (line.trim() && !m) previous = line;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (fence) {
    yield* scanProseSteps(text, pos, fence.at, root, out, 'prose');
    yield* scanFence(text, fence.bodyStart, text.length, fence.lang, out, fence.output);
  } else yield* scanProseSteps(text, pos, text.length, root, out, 'prose');
}

function* scanFence(text: string, from: number, to: number, tag: string, out: ScanResult, output: boolean): Steps {
  const spec = fenceLanguage(tag);
  const block = rootContainer(from);
  // Captured output of a program (after "Example output:"): what it printed once, not names to check.
  if (output) block.about = true;
  if (spec && spec.mode === 'shell') yield* scanShell(text, from, to, block, out);
  else if (spec && spec.mode === 'yaml') yield* scanYaml(text, from, to, block, out);
  else if (spec && spec.mode === 'keyvalue') yield* scanKeyValue(text, from, to, spec, block, out);
  else if (spec && spec.mode === 'json') yield* scanJson(text, from, to, spec, block, out);
  else yield* scanCode(text, from, to, spec && spec.mode === 'code' ? spec : GENERIC, block, out);
}
