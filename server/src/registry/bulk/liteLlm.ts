/**
 * LiteLLM's `model_prices_and_context_window.json`: one object per model id
 * (often `provider/model`), with `litellm_provider`, `mode`,
 * `max_input_tokens`, `max_output_tokens` and sometimes `deprecation_date`.
 */
import type { CatalogEntry, ParsedBulkCatalog } from '../types';
import { acceptEntry, isObject, isoDate, label, MAX_CATALOG_ENTRIES, Positions, Problems, purposeOf, readJson, tokenCount, type Json } from './common';
import { makerOf } from './makers';

/** Does this JSON look like LiteLLM's model map (objects with `litellm_provider` or `max_input_tokens`)? */
export function looksLikeLiteLlm(json: Json): boolean {
  if (!isObject(json)) return false;
  let seen = 0;
  for (const v of Object.values(json)) {
    if (isObject(v) && ('litellm_provider' in v || 'max_input_tokens' in v || 'max_output_tokens' in v)) return true;
    if (++seen > 5) break;
  }
  return false;
}

export function parseLiteLlm(file: string, text: string, source: { label?: string; date?: string | null } = {}, parsed?: Json): ParsedBulkCatalog {
  const problems = new Problems(file);
  const json = parsed ?? readJson(text, problems);
  const out: ParsedBulkCatalog = { kind: 'bulk', file, format: 'litellm', label: source.label ?? `LiteLLM catalogue ${file}`, date: source.date ?? null, entries: [], diagnostics: [] };
  if (json === undefined || !isObject(json)) {
    if (json !== undefined) problems.fatal('This is not a LiteLLM catalogue: expected an object of models.');
    out.diagnostics = problems.finish();
    return out;
  }
  const positions = new Positions(text);
  for (const [id, model] of Object.entries(json)) {
    const at = positions.next(id);
    if (id === 'sample_spec') continue;
    if (out.entries.length >= MAX_CATALOG_ENTRIES) {
      problems.skip('many', at, `More than ${MAX_CATALOG_ENTRIES.toLocaleString('en-US')} models: the rest were not read.`);
      break;
    }
    if (!isObject(model)) {
      problems.skip('shape', at, `The entry "${id.slice(0, 60)}" is not an object; skipped.`);
      continue;
    }
    const providerKey = typeof model.litellm_provider === 'string' ? model.litellm_provider : '';
    const shutdown = isoDate(model.deprecation_date);
    const entry: CatalogEntry = {
      id,
      providerId: providerKey,
      provider: makerOf(providerKey, id),
      hosting: label(providerKey),
      displayName: null,
      purpose: purposeOf(model.mode) ?? (/embed/i.test(id) ? 'embeddings' : null),
      contextWindow: tokenCount(model.max_input_tokens),
      maxOutputTokens: tokenCount(model.max_output_tokens),
      releaseDate: null,
      knowledgeCutoff: null,
      status: shutdown ? 'deprecated' : null,
      shutdownDate: shutdown,
      at,
    };
    const ok = acceptEntry(entry, problems);
    if (ok) out.entries.push(ok);
  }
  out.diagnostics = problems.finish();
  return out;
}
