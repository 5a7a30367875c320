/** What the retired-model and deprecated-model rules share: a name whose model has reached a stage of its life, with the successor as the fix. */
import type { ModelEntry, Status } from '../../registry';
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
    check({ candidate, meant, reading }) {
      // Another platform (Bedrock, Vertex, Azure, a router) sets its own lifecycle for the model.
      if (meant?.status !== status || reading?.platform) return [];
      const successor = meant.successor === null ? null : reading ? `${reading.prefix}${meant.successor}${reading.suffix}` : meant.successor;
      return [
        {
          code: meta.code,
          message: message(meant, successor),
          start: candidate.value.start,
          end: candidate.value.end,
          suggestions: successor ? [successor] : [],
          preferred: preferFix && successor !== null,
          name: meant.name,
        },
      ];
    },
  });
}
