/** A workspace folder's `.model-lens.json`, read with the safe reader (the server and the CLI read it the same way). */
import * as path from 'node:path';
import { parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig } from '../projectConfig';
import { MAX_SETTINGS_BYTES } from '../settings';
import { readTextFile } from '../util/textFile';

/** The project file of a folder; null when there is none or it cannot be read. */
export async function readProjectConfig(folder: string): Promise<ProjectConfig | null> {
  const read = await readTextFile(path.join(folder, PROJECT_CONFIG_FILE), MAX_SETTINGS_BYTES);
  return read.ok ? parseProjectConfig(read.text) : null;
}
