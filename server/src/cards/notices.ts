/**
 * What loading cards and catalogues skipped, and why, as facts; the words are the message catalogue's
 * (`messages`), in the language of whoever reads them.
 */
import { messages, type Messages } from '../messages';
import type { Refusal } from '../util/textFile';

/** The setting a walk serves: `modelLens.cardPaths` or `modelLens.catalogs`. */
export type Scope = 'cardPaths' | 'catalogs';

export type Notice =
  /** A limit stopped the loading. */
  | { kind: 'files' | 'entries' | 'depth'; scope: Scope; limit: number }
  | { kind: 'time'; ms: number }
  | { kind: 'root'; scope: Scope; file: string }
  /** One file or folder was not read. */
  | { kind: 'system'; file: string; root: string }
  | { kind: 'special' | 'binary'; file: string }
  | { kind: 'unreadable'; file: string; code: string }
  | { kind: 'too-big'; file: string; size: number; limit: number; what: 'card' | 'catalogue' };

/** How many notices one load keeps; the rest are counted. */
export const MAX_NOTICES = 20;

/** The notices of one load, each said once, in the order they came, at most {@link MAX_NOTICES} and a count of the rest. */
export class Notices {
  /** The notices kept, by what they say (each once). */
  private readonly kept = new Map<string, Notice>();
  /** The rest, each counted once (remembered up to a bound, then simply counted). */
  private readonly rest = new Set<string>();
  private beyond = 0;

  add(notice: Notice): void {
    const key = JSON.stringify(notice);
    if (this.kept.has(key) || this.rest.has(key)) return;
    if (this.kept.size < MAX_NOTICES) this.kept.set(key, notice);
    else if (this.rest.size < 10_000) this.rest.add(key);
    else this.beyond++;
  }

  /** Each notice as a sentence, and how many more there were. */
  list(say: Messages = messages('en')): string[] {
    const texts = [...this.kept.values()].map((n) => say.notice(n));
    const more = this.rest.size + this.beyond;
    return more ? [...texts, say.moreNotices(more)] : texts;
  }
}

/** The notice for a card or catalogue file that was not read (one that went away says nothing). */
export function refusalNotice(refusal: Refusal, shown: string, limit: number, what: 'card' | 'catalogue'): Notice | null {
  switch (refusal.reason) {
    case 'missing':
      return null;
    case 'system':
      return { kind: 'system', file: shown, root: refusal.root };
    case 'too-big':
      return { kind: 'too-big', file: shown, size: refusal.size, limit, what };
    case 'unreadable':
      return { kind: 'unreadable', file: shown, code: refusal.code };
    default:
      return { kind: refusal.reason, file: shown };
  }
}
