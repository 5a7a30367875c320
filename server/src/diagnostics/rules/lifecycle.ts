/** What the retired-model and deprecated-model rules share: a name whose model has reached a stage of its life, with the successor as the fix. */
import type { Messages, Written } from '../../messages';
import type { ModelEntry, Registry, Status } from '../../registry';
import type { Resolution } from '../resolve';
import { defineRule, NO_FINDINGS, type Rule, type RuleMeta } from '../types';

interface LifecycleRule<C extends string> extends RuleMeta<C> {
  severity: Rule['severity'];
  /** The stage this rule reports. */
  status: Status;
  /** The message for a model at that stage; `use` is its successor as it would be written here, `written` how the text names it. */
  message(say: Messages, entry: ModelEntry, use: string | null, written: Written | null): string;
  /** Replacing the name with the successor is safe to apply without asking. */
  preferFix: boolean;
}

export function lifecycleRule<C extends string>({ status, message, preferFix, ...meta }: LifecycleRule<C>): Rule<C> {
  return defineRule({
    ...meta,
    // Another platform (Bedrock, Vertex, Azure, a router) sets its own lifecycle for the model.
    relevant: ({ meant, reading }) => meant?.status === status && !reading?.platform,
    check({ candidate, resolution, registry, say }) {
      const { meant, reading, via } = resolution;
      if (!meant) return NO_FINDINGS;
      const next = liveSuccessor(meant, registry);
      const successor = next === null ? null : reading ? `${reading.prefix}${next}${reading.suffix}` : next;
      // A misspelling of the name: one finding, saying both.
      const written = spelling(candidate.value.text, resolution);
      return [
        {
          code: meta.code,
          message: message(say, meant, successor, written),
          start: candidate.value.start,
          end: candidate.value.end,
          suggestions: successor ? [successor] : [],
          preferred: preferFix && successor !== null && (via !== 'typo' || resolution.preferred),
          name: meant.name,
        },
      ];
    },
  });
}

/** How the text was written, when it is not the name: a misspelling, or one of the model's aliases. */
function spelling(text: string, { meant, via, exact, reading, snapshot }: Resolution): Written | null {
  if (!meant || reading || text === meant.name) return null;
  if (via === 'typo' || via === 'spelling') return { kind: 'slip', text, snapshot };
  if (exact?.viaAlias) return meant.namespace === 'box' ? { kind: 'card-misspelling', text } : { kind: 'alias', text };
  return null;
}

/** How many successors of successors are followed (the data has chains of two or three). */
const CHAIN = 8;

/**
 * The model to move to: the first of the chain of successors that is neither retired nor deprecated, so that the fix
 * needs no fix of its own (`gemini-2.0-flash-lite` → `gemini-3.1-flash-lite`, itself deprecated → `gemini-3.5-flash-lite`).
 * A chain that ends in models still deprecated gives the newest of them (it still works); one that ends in a retired model gives none.
 */
function liveSuccessor(entry: ModelEntry, registry: Registry): string | null {
  let still: string | null = null;
  let name = entry.successor;
  for (let step = 0; name !== null && step < CHAIN; step++) {
    const next = registry.get(name)?.entry;
    // A successor the data has no card for is taken as the vendor names it.
    if (!next || (next.status !== 'retired' && next.status !== 'deprecated')) return name;
    if (next.status === 'deprecated') still = name;
    name = next.successor;
  }
  return still;
}
