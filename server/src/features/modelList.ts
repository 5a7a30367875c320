/** `modelLens/models`: the registry for the client's "Open Model Card…" picker. */
import { pathToFileURL } from 'node:url';
import type { Registry } from '../registry';
import { detailLine, preferredSource, type Locale } from './modelCard';

export interface ModelListItem {
  name: string;
  displayName: string | null;
  detail: string;
  namespace: 'box' | 'vendor';
  status: string;
  card: { uri: string; line: number } | null;
}

export function modelList(registry: Registry, locale: Locale): ModelListItem[] {
  return registry.models.map((m) => {
    const card = preferredSource(m, locale);
    return { name: m.name, displayName: m.displayName, detail: detailLine(m, locale), namespace: m.namespace, status: m.status, card: card ? { uri: pathToFileURL(card.file).toString(), line: card.line } : null };
  });
}
