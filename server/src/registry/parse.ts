/**
 * Decide what a document is by its content (not its extension: the seeds
 * end in `.txt`, Box also has extension-less cards) and parse it.
 * Never throws and never executes anything from the document.
 */
import { looksLikeBoxCard, parseBoxCard } from './boxCard';
import { looksLikeIndex, parseBoxIndex } from './boxIndex';
import { looksLikeCatalogue, parseCatalogue } from './catalogue';
import { readJson, Problems } from './bulk/common';
import { looksLikeLiteLlm, parseLiteLlm } from './bulk/liteLlm';
import { looksLikeModelsDev, parseModelsDev } from './bulk/modelsDev';
import { readFrontMatter, splitLines } from './markdown';
import type { CardDiagnostic, ParsedBulkCatalog, ParsedDocument } from './types';
import { cardProblem, said } from './intern';
import type { CardText } from '../messages/cards';

/** Documents larger than this are not parsed (cards are a few kilobytes). */
export const MAX_CARD_BYTES = 2 * 1024 * 1024;

/**
 * How a document is parsed: `notes: false` leaves out a Box card's notes (its `info` problems: a row it lacks, a row
 * repeated with the same value), which a registry does not keep. Other documents keep theirs (the registry's loader
 * drops them).
 */
export interface ParseOptions {
  notes?: boolean;
}

export function parseDocument(file: string, text: string, options: ParseOptions = {}): ParsedDocument {
  if (text.length > MAX_CARD_BYTES || text.includes('\u0000')) {
    return { kind: 'unknown', file, diagnostics: [] };
  }
  const lines = splitLines(text);
  const fm = readFrontMatter(lines);
  if (looksLikeIndex(text)) {
    const index = parseBoxIndex(file, text);
    if (fm?.problem?.kind === 'unsafe') index.diagnostics.unshift(unsafe(file, fm.problem.message, fm.problem.at));
    return index;
  }
  const bodyStart = fm ? fm.endLine + 1 : 0;
  const body = bodyStart > 0 ? lines.slice(bodyStart) : lines;
  if (looksLikeBoxCard(body) || fm?.data?.namespace !== undefined) return parseBoxCard(file, lines, fm, options.notes !== false);
  if (looksLikeCatalogue(text)) return parseCatalogue(file, lines);
  return { kind: 'unknown', file, diagnostics: fm?.problem?.kind === 'unsafe' ? [unsafe(file, fm.problem.message, fm.problem.at)] : [] };
}

function unsafe(file: string, message: CardText, at: { line: number; column: number; endLine: number; endColumn: number }): CardDiagnostic {
  return cardProblem(file, at, 'error', 'card-unsafe-front-matter', message, []);
}

/** A bulk catalogue (a JSON document): models.dev or LiteLLM, told apart by their content. */
export function parseCatalog(file: string, text: string, source: { label?: string; date?: string | null } = {}): ParsedBulkCatalog {
  const problems = new Problems(file);
  const json = readJson(text.replace(/^\uFEFF/, ''), problems);
  if (json !== undefined && looksLikeModelsDev(json)) return parseModelsDev(file, text, source, json);
  if (json !== undefined && looksLikeLiteLlm(json)) return parseLiteLlm(file, text, source, json);
  if (json !== undefined) problems.fatal(said('not-a-catalog'));
  return { kind: 'bulk', file, format: 'models.dev', label: source.label ?? file, date: source.date ?? null, entries: [], diagnostics: problems.finish() };
}
