/** What the retired-model and deprecated-model rules share: a name whose model has reached a stage of its life, with the successor as the fix. */
import type { ModelEntry, Status } from '../../registry';
import type { Resolution } from '../resolve';
import { defineRule, type Rule, type RuleMeta } from '../types';

interface LifecycleRule<C extends string> extends RuleMeta<C> {
  severity: Rule['severity'];
  /** The stage this rule reports. */
  status: Status;
  /** The message for a model at that stage; `use` is its successor as it would be written here. */
  message(entry: ModelEntry, use: string | null): string;
  /** Replacing the name with the successor is safe to apply without asking. */
  preferFix: boolean;
}

export function lifecycleRule<C extends string>({ status, message, preferFix, ...meta }: LifecycleRule<C>): Rule<C> {
  return defineRule({
    ...meta,
    check({ candidate, resolution }) {
      const { meant, reading, via } = resolution;
      // Another platform (Bedrock, Vertex, Azure, a router) sets its own lifecycle for the model.
      if (meant?.status !== status || reading?.platform) return [];
      const successor = meant.successor === null ? null : reading ? `${reading.prefix}${meant.successor}${reading.suffix}` : meant.successor;
      const text = candidate.value.text;
      // A misspelling of the name: one finding, saying both.
      const spelled = spelling(text, resolution);
      return [
        {
          code: meta.code,
          message: message(meant, successor) + spelled,
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
function spelling(text: string, { meant, via, exact, reading, why }: Resolution): string {
  if (!meant || reading || text === meant.name) return '';
  if (via === 'typo' || via === 'spelling') return ` (Written "${text}": ${why || 'a misspelling'}.)`;
  if (exact?.viaAlias) return meant.namespace === 'box' ? ` (Written "${text}", a misspelling seen in model cards.)` : ` (Written "${text}", an alias of it.)`;
  return '';
}
