/** Markdown: HTML comments, fenced code blocks scanned as their language, and the rest as prose. */
import { fenceLanguage, GENERIC } from '../languages';
import { scanCode } from './code';
import { scanKeyValue } from './keyValue';
import { scanProse } from './prose';
import { scanShell } from './shell';
import { rootContainer, type Container, type ScanResult } from './types';
import { scanYaml } from './yaml';

/** A line that introduces captured output (`Example output:`): the block after it is a record, not an example to follow. */
const OUTPUT_INTRO = /^\s*(?:example\s+|sample\s+)?output\s*:?\s*$/i;
/** A dated article (a Jekyll post or benchmark page): its prose is history. */
const DATED_ARTICLE = /^---\s*\n(?:[^\n]*\n){0,40}?(?:excerpt:|nav_exclude:\s*true)|\{%\s*if page\.date\s*%\}/;
/** A list item that is nothing but an id (`- claude-3-opus-20240229`). */
const BARE_ITEM = /^[ \t]*[-*+][ \t]+`?[A-Za-z0-9][\w.:@/-]*`?[ \t]*$/;
/** At least this many such items in a row make a catalogue of names. */
const CATALOGUE_ITEMS = 10;

export function scanMarkdown(text: string, root: Container, out: ScanResult): void {
  const first = out.candidates.length;
  scanMarkdownBody(text, root, out);
  const dated = DATED_ARTICLE.test(text.slice(0, 20_000));
  const catalogues = bareListRanges(text);
  for (let k = first; k < out.candidates.length; k++) {
    const c = out.candidates[k];
    if ((dated && c.where === 'prose') || catalogues.some(([a, b]) => c.value.start >= a && c.value.end <= b)) c.about = true;
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

function scanMarkdownBody(text: string, root: Container, out: ScanResult): void {
  for (const m of text.matchAll(/<!--([\s\S]{0,2000}?)-->/g)) out.comments.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[1] });
  // Fenced code blocks, found line by line: each is scanned as its language, the rest as prose.
  let pos = 0;
  let lineStart = 0;
  let fence: { char: string; len: number; lang: string; bodyStart: number; at: number; output: boolean } | null = null;
  let previous = '';
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const m = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]{0,30})/.exec(line);
    if (m && !fence) {
      fence = { char: m[1][0], len: m[1].length, lang: m[2], bodyStart: Math.min(lineEnd + 1, text.length), at: lineStart, output: OUTPUT_INTRO.test(previous) };
    } else if (m && fence && m[1][0] === fence.char && m[1].length >= fence.len && m[2] === '') {
      scanProse(text, pos, fence.at, root, out, 'prose');
      scanFence(text, fence.bodyStart, lineStart, fence.lang, out, fence.output);
      pos = Math.min(lineEnd + 1, text.length);
      fence = null;
    }
    if (line.trim() && !m) previous = line;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (fence) {
    scanProse(text, pos, fence.at, root, out, 'prose');
    scanFence(text, fence.bodyStart, text.length, fence.lang, out, fence.output);
  } else scanProse(text, pos, text.length, root, out, 'prose');
}

function scanFence(text: string, from: number, to: number, tag: string, out: ScanResult, output: boolean): void {
  const spec = fenceLanguage(tag);
  const block = rootContainer(from);
  // Captured output of a program (after "Example output:"): what it printed once, not names to check.
  if (output) block.about = true;
  if (spec && spec.mode === 'shell') scanShell(text, from, to, block, out);
  else if (spec && spec.mode === 'yaml') scanYaml(text, from, to, block, out);
  else if (spec && spec.mode === 'keyvalue') scanKeyValue(text, from, to, spec, block, out);
  else scanCode(text, from, to, spec && spec.mode === 'code' ? spec : GENERIC, block, out);
}
