/** A workspace folder's `.model-lens.json`, read with the safe reader (the server and the CLI read it the same way). */
import * as path from 'node:path';
import { parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig } from '../projectConfig';
import { MAX_SETTINGS_BYTES } from '../settings';
import { readTextFile } from '../util/textFile';

/** The project file of a folder, with its path and text; null when there is none or it cannot be read. */
export async function readProjectConfig(folder: string): Promise<(ProjectConfig & { file: string; text: string }) | null> {
  const file = path.join(folder, PROJECT_CONFIG_FILE);
  const read = await readTextFile(file, MAX_SETTINGS_BYTES);
  return read.ok ? { ...parseProjectConfig(read.text), file, text: read.text } : null;
}

/** A project file named on the command line (`--config`): it must be there and be usable, or the run stops. */
export async function readConfigFile(file: string): Promise<ProjectConfig> {
  const read = await readTextFile(file, MAX_SETTINGS_BYTES);
  if (!read.ok) throw new ConfigFileError(`cannot read the config file ${file} (${read.reason})`);
  const config = parseProjectConfig(read.text);
  const errors = config.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new ConfigFileError(`${file}: ${errors[0].message}`);
  return config;
}

/** A config file given on the command line that cannot be used (bad usage: exit status 2). */
export class ConfigFileError extends Error {}
