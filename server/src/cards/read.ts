/** What a refused card or catalogue file tells the user: the notice for each reason (a file that went away says nothing). */
import type { Refusal } from '../util/textFile';
import type { Notice } from './notices';

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
