/**
 * What loading cards and catalogues skipped, and why. Every text the user
 * sees about it is written here, in one table, so that it can be translated.
 */
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

const count = (n: number): string => n.toLocaleString('en-US');

/** A size in MB, rounded up (to a tenth below 10 MB) so that a file just over a limit never reads as the limit itself. */
function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.ceil(mb) : Math.ceil(mb * 10) / 10} MB`;
}

/** The one sentence that says what a notice means. */
function noticeText(n: Notice): string {
  switch (n.kind) {
    case 'files':
      return `${n.scope}: stopped after ${count(n.limit)} files`;
    case 'entries':
      return `${n.scope}: stopped after ${count(n.limit)} folder entries`;
    case 'depth':
      return `${n.scope}: did not look more than ${n.limit} folders deep`;
    case 'time':
      return `stopped loading cards and catalogues after ${n.ms / 1000} s`;
    case 'root':
      return `${n.scope}: ${n.file} is the root of a file system, which is not searched for cards`;
    case 'system':
      return `skipped ${n.file}: nothing under ${n.root} is read`;
    case 'special':
      return `skipped ${n.file}: not a regular file`;
    case 'binary':
      return `skipped ${n.file}: not a text file`;
    case 'unreadable':
      return `skipped ${n.file}: cannot be read (${n.code})`;
    case 'too-big':
      return `skipped ${n.file}: ${formatSize(n.size)} is over the ${formatSize(n.limit)} limit for a ${n.what}`;
  }
}

/** How many notices one load keeps; the rest are counted. */
export const MAX_NOTICES = 20;

/** The notices of one load, each said once, in the order they came, at most {@link MAX_NOTICES} and a count of the rest. */
export class Notices {
  private readonly texts = new Set<string>();
  /** The rest, each counted once (remembered up to a bound, then simply counted). */
  private readonly rest = new Set<string>();
  private beyond = 0;

  add(notice: Notice): void {
    const text = noticeText(notice);
    if (this.texts.has(text) || this.rest.has(text)) return;
    if (this.texts.size < MAX_NOTICES) this.texts.add(text);
    else if (this.rest.size < 10_000) this.rest.add(text);
    else this.beyond++;
  }

  list(): string[] {
    const more = this.rest.size + this.beyond;
    return more ? [...this.texts, `${count(more)} more files or limits not listed`] : [...this.texts];
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
