/** Markdown: HTML comments, fenced code blocks scanned as their language, and the rest as prose. */
import { fenceLanguage, GENERIC } from '../languages';
import { scanCode } from './code';
import { scanKeyValue } from './keyValue';
import { scanProse } from './prose';
import { rootContainer, type Container, type ScanResult } from './types';
import { scanYaml } from './yaml';

export function scanMarkdown(text: string, root: Container, out: ScanResult): void {
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
      fence = { char: m[1][0], len: m[1].length, lang: m[2], bodyStart: Math.min(lineEnd + 1, text.length), at: lineStart };
    } else if (m && fence && m[1][0] === fence.char && m[1].length >= fence.len && m[2] === '') {
      scanProse(text, pos, fence.at, root, out, 'prose');
      scanFence(text, fence.bodyStart, lineStart, fence.lang, out);
      pos = Math.min(lineEnd + 1, text.length);
      fence = null;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (fence) {
    scanProse(text, pos, fence.at, root, out, 'prose');
    scanFence(text, fence.bodyStart, text.length, fence.lang, out);
  } else scanProse(text, pos, text.length, root, out, 'prose');
}

function scanFence(text: string, from: number, to: number, tag: string, out: ScanResult): void {
  const spec = fenceLanguage(tag);
  const block = rootContainer(from);
  if (spec && spec.mode === 'yaml') scanYaml(text, from, to, block, out);
  else if (spec && spec.mode === 'keyvalue') scanKeyValue(text, from, to, spec, block, out);
  else scanCode(text, from, to, spec && spec.mode === 'code' ? spec : GENERIC, block, out);
}
