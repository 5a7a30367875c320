/** token-limit: a completion-token limit, in the same object or call as the model, above the model's maximum output. */
import type { Rule } from '../types';

const TOKEN_KEYS = /^(?:num_?tokens_?for_?completion|max_?tokens|max_?output_?tokens|max_?completion_?tokens)$/i;

export const tokenLimit: Rule = {
  code: 'token-limit',
  check({ candidate, meant }) {
    const max = meant?.maxOutputTokens;
    if (!meant || max === null || max === undefined) return [];
    const out = [];
    for (const [key, v] of candidate.container.pairs) {
      if (v.kind !== 'number' || !TOKEN_KEYS.test(key)) continue;
      const n = Number(v.text);
      if (!Number.isFinite(n) || n <= max) continue;
      out.push({
        code: 'token-limit' as const,
        message: `${key} is ${n.toLocaleString('en-US')}, above the maximum output of "${meant.name}" (${max.toLocaleString('en-US')} tokens).`,
        start: v.start,
        end: v.end,
        suggestions: [String(max)],
        preferred: true,
        name: meant.name,
      });
    }
    return out;
  },
};
