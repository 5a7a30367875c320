/**
 * What `model-lens check` reads: the files under the given paths (honouring
 * .gitignore and modelLens.exclude), their language, and the project's
 * settings from .vscode/settings.json.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { globToRegExp, matchGlob } from './glob';
import { isExcluded } from './diagnostics/engine';
import { readSettings, type Settings } from './settings';

const LANGUAGES: Record<string, string> = {
  '.py': 'python',
  '.pyi': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.toml': 'toml',
  '.ini': 'ini',
  '.cfg': 'ini',
  '.properties': 'properties',
  '.md': 'markdown',
  '.mdx': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'plaintext',
  '.cs': 'csharp',
  '.java': 'java',
  '.kt': 'kotlin',
  '.go': 'go',
  '.rb': 'ruby',
  '.php': 'php',
  '.sh': 'shellscript',
  '.bash': 'shellscript',
  '.rs': 'rust',
  '.swift': 'swift',
  '.scala': 'scala',
  '.c': 'c',
  '.cpp': 'cpp',
  '.h': 'c',
};

/** The language of a file by its name, or null for files the check does not read. */
export function languageOf(file: string): string | null {
  const base = path.basename(file);
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  return LANGUAGES[path.extname(base).toLowerCase()] ?? null;
}

/** The project's settings: `modelLens.*` keys of .vscode/settings.json (flat or nested), JSON with comments. */
export async function readProjectSettings(root: string): Promise<{ settings: Settings; file: string | null }> {
  const file = path.join(root, '.vscode', 'settings.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { settings: readSettings(undefined), file: null };
  }
  const json: unknown = parseJsonc(text);
  const nested: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
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
  return { settings: readSettings(nested), file };
}

interface IgnoreRule {
  base: string;
  glob: string;
  negate: boolean;
  dirOnly: boolean;
  /** Has a slash: matched from the .gitignore's folder, not anywhere. */
  anchored: boolean;
}

function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    rules.push({ base, glob: anchored ? line : `**/${line}`, negate, dirOnly, anchored });
  }
  return rules;
}

function ignored(rules: readonly IgnoreRule[], file: string, isDir: boolean): boolean {
  let result = false;
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    const rel = path.relative(r.base, file).split(path.sep).join('/');
    if (rel.startsWith('..')) continue;
    const hit = r.anchored ? globToRegExp(r.glob).test(rel) || globToRegExp(`${r.glob}/**`).test(rel) : matchGlob(r.glob, rel) || matchGlob(`${r.glob}/**`, rel);
    if (hit) result = !r.negate;
  }
  return result;
}

/** Every file to check under the given paths, honouring .gitignore files and `exclude` (relative to `root`). */
export async function collectFiles(paths: readonly string[], root: string, settings: Settings): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string, rules: IgnoreRule[], explicit: boolean): Promise<void> => {
    const st = await fs.stat(p);
    const rel = path.relative(root, p).split(path.sep).join('/') || '.';
    if (st.isDirectory()) {
      if (!explicit && (path.basename(p) === '.git' || ignored(rules, p, true) || isExcluded(`${rel}/`, settings))) return;
      let own = rules;
      try {
        own = [...rules, ...parseGitignore(await fs.readFile(path.join(p, '.gitignore'), 'utf8'), p)];
      } catch {
        // no .gitignore here
      }
      for (const e of (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.isDirectory() || e.isFile()) await walk(path.join(p, e.name), own, false);
      }
    } else if (st.isFile()) {
      if (!explicit && (ignored(rules, p, false) || isExcluded(rel, settings) || languageOf(p) === null)) return;
      out.push(p);
    }
  };
  let rootRules: IgnoreRule[] = [];
  try {
    rootRules = parseGitignore(await fs.readFile(path.join(root, '.gitignore'), 'utf8'), root);
  } catch {
    // no .gitignore at the root
  }
  for (const p of paths) {
    const abs = path.resolve(root, p);
    // A folder's own .gitignore is read by the walk; the root's applies to paths below it.
    await walk(abs, abs === root ? [] : rootRules, true);
  }
  return out;
}
