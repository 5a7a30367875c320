/**
 * The compiled index's format: our parsed cards and the embedded catalogue,
 * with spans stored as `[line, column, endLine, endColumn]` under the keys
 * `at` and `idAt` (a quarter of the size of span objects).
 */
import type { ParsedDocument } from './types';

export interface CompiledIndex {
  version: 1;
  /** Our cards: what they are called, and when they were last checked against the vendors' pages. */
  cards: { label: string; date: string | null };
  /** How many models `documents` make (the server says it without building their registry first); absent in an index compiled before it was kept. */
  models?: number;
  documents: ParsedDocument[];
}

const SPAN_KEYS = new Set(['at', 'idAt']);

/** A `JSON.stringify` replacer that writes spans compactly. */
export function compactSpans(key: string, value: unknown): unknown {
  if (!SPAN_KEYS.has(key) || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const s = value as { line: number; column: number; endLine: number; endColumn: number };
  return [s.line, s.column, s.endLine, s.endColumn];
}

/** Turn compact spans back into span objects, in place. */
export function reviveSpans(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) reviveSpans(v);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (SPAN_KEYS.has(k) && Array.isArray(v) && v.length === 4) o[k] = { line: v[0], column: v[1], endLine: v[2], endColumn: v[3] };
    else reviveSpans(v);
  }
}
