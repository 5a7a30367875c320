/**
 * What the bulk catalogue parsers share: reading untrusted JSON within
 * bounds, the checks every value must pass before it enters the registry,
 * and where in the file each model is (for diagnostics and definitions).
 */
import { cardText, type CardText } from '../../messages/cards';
import { cardProblem, said } from '../intern';
import { isModelId } from '../modelIds';
import type { CardDiagnostic, CatalogEntry, Purpose, Span, Status } from '../types';

/** Catalogue files larger than this are refused with a diagnostic (models.dev's whole api.json is a few MB). */
export const MAX_CATALOG_BYTES = 32 * 1024 * 1024;
/** Models per catalogue: more are dropped with one diagnostic. */
const MAX_CATALOG_ENTRIES = 50_000;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A whole token count: a safe positive integer below a billion (no context window comes near). */
export function tokenCount(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 && v < 1_000_000_000 ? v : null;
}

/** `YYYY-MM-DD` or `YYYY-MM` (what catalogues write), checked; anything else is no date. */
export function isoDate(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 10) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  if (y < 1990 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return v;
}

/** Short display text: no control characters, bounded. */
export function label(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return s && s.length <= 200 ? s : null;
}

/** Line and column of offsets in a text, found in one forward pass (queries must come in increasing order). */
export class Positions {
  private line = 0;
  private lineStart = 0;
  private pos = 0;
  private searchFrom = 0;

  constructor(private readonly text: string) {}

  /** The span of the next occurrence of `"key"` at or after the previous one; the file's start when not found. */
  next(key: string): Span {
    const needle = JSON.stringify(key);
    const at = this.text.indexOf(needle, this.searchFrom);
    if (at < 0) return { line: 0, column: 0, endLine: 0, endColumn: 0 };
    this.searchFrom = at + needle.length;
    for (; this.pos < at; this.pos++) {
      if (this.text.charCodeAt(this.pos) === 10) {
        this.line++;
        this.lineStart = this.pos + 1;
      }
    }
    const column = at - this.lineStart;
    return { line: this.line, column, endLine: this.line, endColumn: column + needle.length };
  }
}

/** Collects a catalogue's problems; each kind of problem is reported once with a count, not once per model. */
export class Problems {
  readonly diagnostics: CardDiagnostic[] = [];
  private readonly counts = new Map<string, { count: number; first: CardDiagnostic }>();

  constructor(private readonly file: string) {}

  /** A problem with the file as a whole. */
  fatal(text: CardText): void {
    this.diagnostics.push(cardProblem(this.file, { line: 0, column: 0, endLine: 0, endColumn: 0 }, 'error', 'card-bad-value', text, []));
  }

  /** A problem with one model: counted per kind, reported once at the first place it happened. */
  skip(text: CardText, at: Span): void {
    const seen = this.counts.get(text.key);
    if (seen) {
      seen.count++;
      return;
    }
    const d = cardProblem(this.file, at, 'warning', 'card-bad-value', text, []);
    this.counts.set(text.key, { count: 1, first: d });
    this.diagnostics.push(d);
  }

  /** Add the counts to the messages of problems that happened more than once. */
  finish(): CardDiagnostic[] {
    for (const { count, first } of this.counts.values()) {
      if (count <= 1 || !first.text) continue;
      first.text = { ...first.text, repeated: count };
      first.message = cardText(first.text);
    }
    return this.diagnostics;
  }
}

/** Parse a catalogue's JSON text, or report why not. */
export function readJson(text: string, problems: Problems): Json | undefined {
  if (text.length > MAX_CATALOG_BYTES) {
    problems.fatal(said('catalog-too-large', MAX_CATALOG_BYTES));
    return undefined;
  }
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    problems.fatal(said('catalog-not-json', (e instanceof Error ? e.message : String(e)).slice(0, 120)));
    return undefined;
  }
}

/**
 * Read the models of one object of a catalogue into `entries`: each model's place, the cap on the number
 * of models, objects only, and only ids of the id alphabet. False when the cap was reached.
 */
export function readEntries(
  models: Record<string, Json>,
  entries: CatalogEntry[],
  problems: Problems,
  positions: Positions,
  build: (key: string, model: Record<string, Json>, at: Span) => CatalogEntry | null,
): boolean {
  for (const [key, model] of Object.entries(models)) {
    const at = positions.next(key);
    if (entries.length >= MAX_CATALOG_ENTRIES) {
      problems.skip(said('catalog-many', MAX_CATALOG_ENTRIES), at);
      return false;
    }
    if (!isObject(model)) {
      problems.skip(said('catalog-shape', key.slice(0, 60)), at);
      continue;
    }
    const entry = build(key, model, at);
    if (!entry) continue;
    if (!isModelId(entry.id)) {
      problems.skip(said('catalog-id', entry.id.slice(0, 60).replace(/[^\x20-\x7e]/g, '?')), at);
      continue;
    }
    entries.push(entry);
  }
  return true;
}

export function purposeOf(kind: unknown): Purpose | null {
  if (typeof kind !== 'string') return null;
  if (/embed/i.test(kind)) return 'embeddings';
  if (/^(?:chat|completion|responses|text)$/i.test(kind)) return 'chat';
  return null;
}

export function statusOf(v: unknown): Status | null {
  return v === 'deprecated' ? 'deprecated' : v === 'beta' ? 'beta' : v === 'alpha' || v === 'preview' ? 'preview' : null;
}
