/**
 * The project's settings for the CLI, as the editor has them, so the editor and CI agree: the `modelLens.*` keys
 * of .vscode/settings.json with the project file, .model-lens.json, over them (see `projectConfig`).
 */
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { readConfigFile, readProjectConfig } from '../cards/projectFile';
import { isPlain, withProjectConfig, type ProjectConfig } from '../projectConfig';
import { MAX_SETTINGS_BYTES, readSettings, type Settings } from '../settings';
import { LineIndex } from '../util/lineIndex';
import { readTextFile } from '../util/textFile';

/** The project's settings: `modelLens.*` keys of .vscode/settings.json (flat or nested, JSON with comments) and .model-lens.json. */
export async function readProjectSettings(root: string, config: string | null = null): Promise<{ settings: Settings; project: ProjectConfig | null }> {
  const found = config === null ? await readProjectConfig(root) : null;
  // What is wrong with the project file is said (the editor shows it in the file); the rest of it still applies.
  if (found) {
    const lines = new LineIndex(found.text);
    for (const p of found.problems) {
      const at = lines.position(p.start);
      console.error(`model-lens: ${path.relative(root, found.file)}:${at.line + 1}:${at.character + 1}: ${p.severity}: ${p.message}`);
    }
  }
  const project = config === null ? found : await readConfigFile(path.resolve(root, config));
  const editor = await editorSettings(root);
  return { settings: readSettings(withProjectConfig(editor, project ? [project] : [])), project };
}

/** The `modelLens.*` keys of .vscode/settings.json, as one object (undefined when there is no such file). */
async function editorSettings(root: string): Promise<Record<string, unknown> | undefined> {
  const file = path.join(root, '.vscode', 'settings.json');
  const read = await readTextFile(file, MAX_SETTINGS_BYTES);
  if (!read.ok) return undefined;
  const json: unknown = parseJsonc(read.text);
  const nested: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
  const put = (parts: string[], value: unknown) => {
    if (parts.some((p) => UNSAFE.has(p) || p === '')) return;
    let obj = nested;
    for (const p of parts.slice(0, -1)) {
      if (!isPlain(obj[p])) obj[p] = Object.create(null) as Record<string, unknown>;
      obj = obj[p] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    const prev = obj[last];
    obj[last] = isPlain(value) && isPlain(prev) ? { ...prev, ...value } : value;
  };
  for (const [key, value] of Object.entries(isPlain(json) ? json : {})) {
    if (key === 'modelLens' && isPlain(value)) for (const [k, v] of Object.entries(value)) put([k], v);
    else if (key.startsWith('modelLens.')) put(key.slice('modelLens.'.length).split('.'), value);
  }
  return nested;
}
