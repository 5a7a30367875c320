/**
 * Vendor model-catalogue pages as Azure publishes them: plain text copied
 * from the web page, where a specification label and its value are often
 * glued together (`Context Length200000`) and some facts are given only in
 * prose ("a context window of 128K tokens").
 */
import { isNonValue, parseDate, parseTokenCount } from './normalize';
import type { Benchmark, CardDiagnostic, Fact, ParsedCatalogue, Span } from './types';
import { cardProblem, said } from './intern';

const VENDOR_WORDS = /^(?:azure openai|openai|microsoft|azure|meta|anthropic|google|mistral ai|xai)\s+|\s+(?:azure openai|openai|on azure|azure)$/i;

const SPEC_LABELS: Array<[RegExp, string]> = [
  [/^context (?:length|window)/i, 'context'],
  [/^quality index/i, 'quality'],
  [/^license/i, 'license'],
  [/^training data(?! date)/i, 'training'],
  [/^training cut-?off date/i, 'training'],
  [/^knowledge cut-?off(?: date)?/i, 'training'],
  [/^last updated/i, 'updated'],
  [/^input types?/i, 'input'],
  [/^output types?/i, 'output'],
  [/^provider/i, 'provider'],
  [/^languages/i, 'languages'],
  [/^supported languages/i, 'languages'],
  [/^version/i, 'version'],
];

export function looksLikeCatalogue(text: string): boolean {
  let score = 0;
  if (/^## Model ID\s*$/m.test(text)) score += 2;
  if (/^Version:\s*\d{4}-\d{2}-\d{2}/m.test(text)) score += 2;
  if (/^Context Length\s*:?\s*\d/m.test(text)) score += 2;
  if (/Model Specifications|Direct from Azure models|Azure OpenAI (?:service|Service)|Responsible AI/.test(text)) score += 1;
  if (/^Training Data\s*\S/m.test(text) || /context window of\s+[\d.,]+\s*[kKmM]?\s*tokens/.test(text)) score += 1;
  return score >= 3;
}

const line = (n: number, text: string, start = 0, len = text.length - start): Span => ({
  line: n,
  column: start,
  endLine: n,
  endColumn: start + len,
});

function idFromTitle(title: string): string {
  let t = title.trim();
  for (let i = 0; i < 3; i++) t = t.replace(VENDOR_WORDS, '').trim();
  return t.toLowerCase().replace(/\s+/g, '-');
}

function splitList(s: string): string[] {
  return s
    .split(/[,、]\s*/)
    .map((x) => x.trim().toLowerCase())
    .filter((x) => x && !isNonValue(x));
}

export function parseCatalogue(file: string, lines: string[]): ParsedCatalogue {
  const diagnostics: CardDiagnostic[] = [];
  const out: ParsedCatalogue = {
    kind: 'catalogue',
    file,
    lang: 'en',
    id: null,
    idAt: line(0, ''),
    displayName: null,
    version: null,
    provider: null,
    hosting: null,
    contextWindow: null,
    knowledgeCutoff: null,
    inputTypes: [],
    outputTypes: [],
    languages: [],
    benchmarks: [],
    capabilities: [],
    license: null,
    diagnostics,
  };

  // Title: the first heading, or the first non-empty line.
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim()) continue;
    const title = raw.replace(/^#+\s*/, '').trim();
    out.displayName = title.replace(VENDOR_WORDS, '').replace(VENDOR_WORDS, '').trim();
    out.id = idFromTitle(title);
    const start = raw.indexOf(out.displayName);
    out.idAt = line(i, raw, Math.max(0, start), out.displayName.length);
    if (/azure openai/i.test(title)) out.hosting = 'Microsoft Azure';
    const vendor = /^(OpenAI|Meta|Anthropic|Google|Mistral AI|xAI)\b/.exec(title);
    if (vendor) out.provider = vendor[1];
    break;
  }

  let inCapabilities = false;
  let benchColumn = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const text = raw.trim();
    if (!text) {
      benchColumn = -1;
      continue;
    }

    // Capabilities: "- Name: explanation" bullets after a "Key … capabilities" line.
    if (/key (?:model )?capabilities/i.test(text)) {
      inCapabilities = true;
      continue;
    }
    if (inCapabilities) {
      const cap = /^-\s*([^:]{2,80}):/.exec(text);
      if (cap) {
        out.capabilities.push(cap[1].trim());
        continue;
      }
      inCapabilities = false;
    }

    // Benchmark tables: "Task\t<Model> Score\t…" then rows.
    const cells = raw.split('\t').map((c) => c.trim());
    if (cells.length >= 2 && /^(?:task|benchmark)$/i.test(cells[0])) {
      const name = (out.displayName ?? '').toLowerCase();
      benchColumn = cells.findIndex((c, k) => k > 0 && name !== '' && c.toLowerCase().startsWith(name));
      if (benchColumn < 0) benchColumn = 1;
      continue;
    }
    if (benchColumn > 0 && cells.length > benchColumn && /\d/.test(cells[benchColumn])) {
      out.benchmarks.push({ task: cells[0], score: cells[benchColumn] });
      continue;
    }
    benchColumn = -1;

    // The version under "## Model ID": the first cell of the row under the header.
    if (/^## Model ID\s*$/i.test(text)) {
      const row = lines[i + 2]?.split('\t')[0]?.trim();
      if (row && /^\d{4}-\d{2}-\d{2}$/.test(row)) out.version = row;
      continue;
    }
    if (/^inputs\tOutputs$/i.test(text) && lines[i + 1]) {
      const [inputs, outputs] = lines[i + 1].split('\t');
      out.inputTypes = splitList(inputs ?? '');
      out.outputTypes = splitList(outputs ?? '');
      continue;
    }

    for (const [re, key] of SPEC_LABELS) {
      const m = re.exec(text);
      if (!m) continue;
      const rest = text.slice(m[0].length).replace(/^\s*[:\t]\s*/, '').trim();
      if (!rest) break; // label alone; its value (if any) is prose on the next line
      const valueStart = raw.indexOf(rest);
      const at = line(i, raw, valueStart, rest.length);
      apply(out, key, rest, at, diagnostics);
      break;
    }

    // Facts given only in prose.
    if (!out.contextWindow) {
      const m = /context (?:window|length) of (?:up to )?([\d.,]+\s*[kKmM]?)\s*tokens/.exec(raw);
      if (m) {
        const p = parseTokenCount(m[1]);
        if (p.kind === 'value') out.contextWindow = { value: p.value, raw: m[0], at: line(i, raw, m.index, m[0].length) };
      }
    }
    if (!out.knowledgeCutoff) {
      const m = /knowledge (?:up to|until|through|cut-?off (?:of|in)) ([A-Z][a-z]+ \d{4}|\d{4})/.exec(raw);
      if (m) {
        const p = parseDate(m[1]);
        if (p.kind === 'value') out.knowledgeCutoff = { value: p.value, raw: m[0], at: line(i, raw, m.index, m[0].length) };
      }
    }
    if (!out.hosting && /provided through the Azure OpenAI/i.test(raw)) out.hosting = 'Microsoft Azure';
  }
  if (!out.provider && /^(?:gpt|o\d|text-embedding|dall-e|whisper)/i.test(out.id ?? '')) out.provider = 'OpenAI';
  if (!out.id) {
    diagnostics.push(cardProblem(file, out.idAt, 'error', 'card-missing-field', said('page-no-model'), []));
  }
  if (!out.contextWindow) {
    diagnostics.push(cardProblem(file, out.idAt, 'info', 'card-missing-field', said('page-no-context'), []));
  }
  return out;
}

function apply(out: ParsedCatalogue, key: string, rest: string, at: Span, diagnostics: CardDiagnostic[]): void {
  if (/has not supplied this information/i.test(rest)) return;
  const bad = (what: string) =>
    diagnostics.push(cardProblem(out.file, at, 'warning', 'card-bad-value', said('page-bad', rest, what), []));
  switch (key) {
    case 'context': {
      const p = parseTokenCount(rest);
      if (p.kind === 'value') out.contextWindow = { value: p.value, raw: rest, at } satisfies Fact<number>;
      else if (p.kind === 'bad') bad('token count');
      break;
    }
    case 'training': {
      const p = parseDate(rest);
      if (p.kind === 'value') out.knowledgeCutoff = { value: p.value, raw: rest, at };
      else if (p.kind === 'bad') bad('date');
      break;
    }
    case 'version':
      if (/^\d{4}-\d{2}-\d{2}$/.test(rest)) out.version = rest;
      break;
    case 'input':
      out.inputTypes = splitList(rest);
      break;
    case 'output':
      out.outputTypes = splitList(rest);
      break;
    case 'provider':
      out.provider = rest;
      break;
    case 'license':
      out.license = rest;
      break;
    case 'languages':
      if (!/^\d+\s+languages?$/i.test(rest)) out.languages = splitList(rest);
      break;
    case 'quality':
      out.benchmarks.push({ task: 'Quality index', score: rest } satisfies Benchmark);
      break;
    default:
      break;
  }
}
