/** Suppression comments: `model-lens-ignore-next-line`, `model-lens-ignore-line`, `model-lens-disable` … `model-lens-enable`, optionally limited to rule codes. */
import type { ScanResult } from '../scanner';
import type { LineIndex } from '../util/lineIndex';
import { RULE_CODES, type RuleCode } from './rules';

const DIRECTIVE = /model-lens-(ignore-next-line|ignore-line|disable|enable)\b([^\n]*)/;

/** Which lines (and codes) the suppression comments turn off. */
export function suppressions(scan: ScanResult, lineIndex: () => LineIndex): (line: number, code: RuleCode) => boolean {
  const perLine = new Map<number, Set<string> | 'all'>();
  const regions: Array<{ from: number; to: number; codes: Set<string> | 'all' }> = [];
  let open: { from: number; codes: Set<string> | 'all' } | null = null;
  for (const c of scan.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const lines = lineIndex();
    const words = m[2].split(/[\s,]+/).filter((w) => (RULE_CODES as readonly string[]).includes(w));
    const codes: Set<string> | 'all' = words.length ? new Set(words) : 'all';
    const startLine = lines.position(c.start).line;
    const endLine = lines.position(c.end).line;
    switch (m[1]) {
      case 'ignore-next-line':
        perLine.set(endLine + 1, merge(perLine.get(endLine + 1), codes));
        break;
      case 'ignore-line':
        perLine.set(startLine, merge(perLine.get(startLine), codes));
        break;
      case 'disable':
        if (open) regions.push({ ...open, to: startLine });
        open = { from: startLine, codes };
        break;
      case 'enable':
        if (open) regions.push({ ...open, to: startLine });
        open = null;
        break;
    }
  }
  if (open) regions.push({ ...open, to: Infinity });
  const hits = (set: Set<string> | 'all' | undefined, code: string) => set === 'all' || (set !== undefined && set.has(code));
  return (line, code) => hits(perLine.get(line), code) || regionsAt(regions, line).some((r) => hits(r.codes, code));
}

/**
 * The regions that hold a line. Each `disable` ends the region before it, so regions come in order and
 * overlap only at a shared boundary line: a binary search finds the last one starting at or before the
 * line, and the ones before it that end on that very line.
 */
function regionsAt<R extends { from: number; to: number }>(regions: readonly R[], line: number): R[] {
  let lo = 0;
  let hi = regions.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].from <= line) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const out: R[] = [];
  // Ends never decrease along the list: walking back, the first region ending before the line ends the search.
  for (let k = last; k >= 0 && regions[k].to >= line; k--) out.push(regions[k]);
  return out;
}

function merge(a: Set<string> | 'all' | undefined, b: Set<string> | 'all'): Set<string> | 'all' {
  if (a === 'all' || b === 'all') return 'all';
  return a ? new Set([...a, ...b]) : b;
}

