/** The project the CLI runs in: its settings (.vscode/settings.json) and the registry they give (built-in data plus its cards and catalogues). */
import * as path from 'node:path';
import { anchorDocuments, RegistryService } from '../cards/service';
import { builtinCards, builtinDocuments } from '../registry/builtin';
import { settingsNoticeText, type Settings } from '../settings';
import { readProjectSettings } from './projectSettings';

/** dist/cli.js lives one level below the package root, where data/cards is. */
export const packageRoot = path.resolve(__dirname, '..');

export async function loadProject(root: string, config: string | null = null): Promise<{ settings: Settings; service: RegistryService }> {
  const { settings } = await readProjectSettings(root, config);
  const service = new RegistryService(anchorDocuments(builtinDocuments, packageRoot), builtinCards);
  if (settings.cardPaths.length || settings.catalogs.length) await service.configure(settings, [root]);
  printNotices([...settings.notices.map((n) => settingsNoticeText(n)), ...service.status().notices]);
  return { settings, service };
}

/** What loading the cards skipped, and why, on stderr (the output stays the data). */
export function printNotices(notices: readonly string[]): void {
  for (const n of notices) console.error(`model-lens: ${n}`);
}
