/** wrong-purpose: an embeddings model in a chat slot, or a chat model in an `embeddings` slot. */
import { inEmbeddingsSlot, slotOf } from '../../scanner';
import { defineRule, NO_FINDINGS } from '../types';
import { localeOrder } from '../../util/order';

export const wrongPurpose = defineRule({
  code: 'wrong-purpose',
  severity: 'error',
  summary: 'An embeddings model in a chat slot, or a chat model in an embeddings slot.',
  description:
    'A chat model where an embeddings model is needed (an `embeddings` key or call), or an embeddings model in a chat slot (a chat, completion, ask or extract call, or beside chat settings such as `messages` or `max_tokens`). The suggestions are models of the right purpose in the same namespace.',
  relevant: ({ meant, via }) => meant !== undefined && via !== 'typo',
  check({ candidate, resolution, registry, prose, say }) {
    const { meant } = resolution;
    if (!meant || prose) return NO_FINDINGS;
    // A chat model is wrong only in an embeddings slot, which is all there is to find out then.
    const slot = meant.purpose === 'embeddings' ? slotOf(candidate) : inEmbeddingsSlot(candidate) ? 'embeddings' : null;
    if (slot === null || slot === (meant.purpose === 'embeddings' ? 'embeddings' : 'chat')) return NO_FINDINGS;
    const wanted = slot === 'embeddings' ? 'embeddings' : 'chat';
    const suggestions = registry.models
      .filter((m) => m.purpose === wanted && m.status !== 'retired' && m.namespace === meant.namespace)
      .sort((a, b) => Number(a.status !== 'available') - Number(b.status !== 'available') || localeOrder(a.name, b.name))
      .slice(0, 3)
      .map((m) => m.name);
    return [
      {
        code: 'wrong-purpose',
        message: say.wrongPurpose(meant.name, slot, suggestions[0] ?? 'azure__openai__text_embedding_ada_002'),
        start: candidate.value.start,
        end: candidate.value.end,
        suggestions,
        preferred: suggestions.length === 1,
        name: meant.name,
      },
    ];
  },
});
