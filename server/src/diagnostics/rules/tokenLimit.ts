/** token-limit: a completion-token limit, in the same object or call as the model, above the model's maximum output. */
import { keyFactsOf, TOKEN_LIMIT_KEY } from '../../scanner';
import type { FactRecord, ModelEntry } from '../../registry';
import { defineRule, NO_FINDINGS, type RuleFinding } from '../types';

/** A model whose maximum output is stated, and the bound a limit may reach is known (see `maxOutputBound`). */
type Limited = ModelEntry & { maxOutputBound: number; facts: { maxOutputTokens: FactRecord<number> & { value: number } } };

function hasLimit(meant: ModelEntry | undefined): meant is Limited {
  const fact = meant?.facts.maxOutputTokens;
  return fact !== undefined && fact.value !== null && meant?.maxOutputBound != null;
}

export const tokenLimit = defineRule({
  code: 'token-limit',
  severity: 'error',
  summary: "A completion-token limit above the model's maximum output tokens.",
  description:
    "A completion-token limit (`num_tokens_for_completion`, `max_tokens`, `max_output_tokens`, `max_completion_tokens` and their camelCase and PascalCase forms) in the same object, call or builder chain as a model name, above that model's maximum output. A rounded maximum (\"16k\") is taken at the largest value it can mean (16,384), so a valid call is never reported; a maximum that only a bulk catalogue states is reported as a warning at most. The fix sets the limit to the maximum.",
  relevant: ({ meant, via }) => via !== 'typo' && hasLimit(meant),
  check({ candidate, resolution, prose, say }) {
    const { meant } = resolution;
    if (prose || !hasLimit(meant)) return NO_FINDINGS;
    const bound = meant.maxOutputBound;
    const fact = meant.facts.maxOutputTokens;
    const stated = fact.value;
    let out: Array<RuleFinding<'token-limit'>> | null = null;
    for (let p = candidate.container.pairs.first; p; p = p.next) {
      const { key, value: v } = p;
      if (v.kind !== 'number' || (keyFactsOf(p) & TOKEN_LIMIT_KEY) === 0) continue;
      const n = Number(v.text);
      if (!Number.isFinite(n) || n <= bound) continue;
      // The message is written only for a limit that is over (formatting numbers is not free).
      const written = (fact.raw.en ?? fact.raw.ja ?? String(stated)).replace(/\s*(?:tokens?|トークン)$/i, '');
      (out ??= []).push({
        code: 'token-limit' as const,
        message: say.tokenLimit(key, n, meant.name, { exact: fact.exact, stated, written, bound, origin: fact.origin }),
        start: v.start,
        end: v.end,
        suggestions: [String(stated)],
        preferred: true,
        name: meant.name,
        ...(fact.origin ? { cap: 'warning' as const } : {}),
      });
    }
    return out ?? NO_FINDINGS;
  },
});
