/**
 * LiteLLM's `model_prices_and_context_window.json`: one object per model id
 * (often `provider/model`), with `litellm_provider`, `mode`,
 * `max_input_tokens`, `max_output_tokens` and sometimes `deprecation_date`.
 */
import { said } from '../intern';
import type { ParsedBulkCatalog } from '../types';
import { isObject, isoDate, label, Positions, Problems, purposeOf, readEntries, readJson, tokenCount, type Json } from './common';
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
    if (json !== undefined) problems.fatal(said('not-litellm'));
    out.diagnostics = problems.finish();
    return out;
  }
  readEntries(json, out.entries, problems, new Positions(text), (id, model, at) => {
    if (id === 'sample_spec') return null;
    const providerKey = typeof model.litellm_provider === 'string' ? model.litellm_provider : '';
    const shutdown = isoDate(model.deprecation_date);
    return {
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
  });
  out.diagnostics = problems.finish();
  return out;
}
