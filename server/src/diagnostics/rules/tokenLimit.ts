/** token-limit: a completion-token limit, in the same object or call as the model, above the model's maximum output. */
import { defineRule } from '../types';

const TOKEN_KEYS = /^(?:num_?tokens_?for_?completion|max_?tokens|max_?output_?tokens|max_?completion_?tokens)$/i;

export const tokenLimit = defineRule({
  code: 'token-limit',
  severity: 'error',
  summary: "A completion-token limit above the model's maximum output tokens.",
  description:
    "A completion-token limit (`num_tokens_for_completion`, `max_tokens`, `max_output_tokens`, `max_completion_tokens` and their camelCase and PascalCase forms) in the same object, call or builder chain as a model name, above that model's maximum output. The fix sets it to the maximum.",
  check({ candidate, meant }) {
    const max = meant?.maxOutputTokens;
    if (!meant || max === null || max === undefined) return [];
    const out = [];
    for (const [key, v] of candidate.container.pairs) {
      if (v.kind !== 'number' || !TOKEN_KEYS.test(key)) continue;
      const n = Number(v.text);
      if (!Number.isFinite(n) || n <= max) continue;
      out.push({
        code: 'token-limit',
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
});
