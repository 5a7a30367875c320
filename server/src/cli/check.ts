/** `model-lens check`: the editor's checks over files and folders, for CI. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cappedMessage, checkText } from '../diagnostics/engine';
import { checkNotebook, isNotebookFile, MAX_NOTEBOOK_BYTES } from '../diagnostics/notebook';
import { languageOfFile } from '../languages';
import type { Settings } from '../settings';
import { LineIndex } from '../util/lineIndex';
import { readTextFile, type Refusal } from '../util/textFile';
import { VERSION } from '../version';
import { UsageError, type Options } from './args';
import { globBase, globMatches, hasMagic } from '../util/glob';
import { collectFiles } from './files';
import { toGithub } from './github';
import { toJsonDiagnostic, type JsonDiagnostic } from './json';
import { loadProject, packageRoot } from './project';
import { toSarif } from './sarif';
import { formatDiagnosticLine, type Style } from './text';

/** What the CLI says about a file it does not check (a file that went away says nothing). */
const SKIP_REASONS: Readonly<Record<Refusal['reason'], ((s: Settings) => string) | null>> = {
  missing: null,
  'too-big': (s) => `larger than modelLens.maxFileSize (${s.maxFileSize} bytes)`,
  binary: () => 'not a text file',
  special: () => 'not a regular file',
  system: () => 'nothing under /proc, /sys or /dev is read',
  unreadable: () => 'cannot be read',
};

/** Standard input, up to `limit` bytes; null when it is longer. */
async function readStdin(limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The files named on the command line: paths as they are, quoted globs (`'src/**\/*.py'`) with the matcher of `exclude`. */
async function namedFiles(paths: readonly string[], root: string, settings: Settings, forceExclude: boolean): Promise<string[]> {
  const named: string[] = [];
  const globs: string[] = [];
  for (const p of paths) {
    try {
      await fs.stat(path.resolve(root, p));
      named.push(p);
    } catch {
      if (!hasMagic(p)) throw new UsageError(`no such file or folder: ${p}`);
      globs.push(p.replace(/^\.\//, ''));
    }
  }
  const files = named.length ? await collectFiles(named, root, settings, forceExclude) : [];
  const seen = new Set(files);
  for (const glob of globs) {
    const base = globBase(glob);
    // An absolute glob is matched against absolute paths, a relative one against paths from here.
    const absolute = path.isAbsolute(glob);
    const under = await collectFiles([base || '.'], root, settings).catch(() => [] as string[]);
    let matched = 0;
    for (const f of under) {
      if (!globMatches(glob, (absolute ? f : path.relative(root, f)).split(path.sep).join('/'))) continue;
      matched++;
      if (!seen.has(f)) {
        seen.add(f);
        files.push(f);
      }
    }
    if (matched === 0) throw new UsageError(`no file matches ${glob}`);
  }
  return files;
}

export async function check(opts: Options, style: Style): Promise<number> {
  const root = process.cwd();
  const { settings, service } = await loadProject(root, opts.config);
  const registry = service.registry;
  const paths = opts.args.filter((p) => p !== '-');
  const stdin = opts.args.includes('-');
  const files = paths.length || !stdin ? await namedFiles(paths.length ? paths : ['.'], root, settings, opts.forceExclude) : [];
  const diagnostics: JsonDiagnostic[] = [];
  let skipped = 0;
  let checked = 0;
  const inputs: Array<{ file: string; rel: string; text: string | null }> = [];
  if (stdin) {
    // Standard input, checked as the file it names (its language, its place in the project) or as plain text.
    const named = opts.stdinFilename;
    const text = await readStdin(named && isNotebookFile(named) ? MAX_NOTEBOOK_BYTES : settings.maxFileSize);
    if (text === null) {
      console.error(`model-lens: skipped standard input: ${SKIP_REASONS['too-big']!(settings)}`);
      skipped++;
    } else inputs.push({ file: named ? path.resolve(root, named) : '-', rel: named ? (path.relative(root, path.resolve(root, named)) || named).split(path.sep).join('/') : '-', text });
  }
  for (const file of files) inputs.push({ file, rel: (path.relative(root, file) || file).split(path.sep).join('/'), text: null });
  for (const input of inputs) {
    const { file, rel } = input;
    let text = input.text;
    if (text === null) {
      // A notebook's outputs (images, tables) do not count: its cells' sources are held to the limit.
      const read = await readTextFile(file, isNotebookFile(file) ? MAX_NOTEBOOK_BYTES : settings.maxFileSize);
      if (!read.ok) {
        const why = SKIP_REASONS[read.reason];
        if (why) {
          console.error(`model-lens: skipped ${rel}: ${why(settings)}`);
          skipped++;
        }
        continue;
      }
      text = read.text;
    }
    const lines = new LineIndex(text);
    const place = (start: number, end: number) => {
      const s = lines.position(start);
      const e = lines.position(end);
      return { file: rel, line: s.line, column: s.character, endLine: e.line, endColumn: e.character };
    };
    /** The file was not checked, and why. */
    const skip = (why: string) => {
      console.error(`model-lens: skipped ${rel}: ${why}`);
      skipped++;
    };
    /** The file was checked (its findings capped or not). */
    const checkedOne = (capped: boolean) => {
      checked++;
      if (capped) console.error(`model-lens: ${rel}: ${cappedMessage(settings)}`);
    };
    if (isNotebookFile(file)) {
      const found = checkNotebook(text, registry, settings, rel);
      if (!found) {
        skip('not a notebook, or its cells are larger than modelLens.maxFileSize');
        continue;
      }
      checkedOne(found.capped);
      for (const f of found.findings) {
        const { severity, code, message, suggestions } = f;
        diagnostics.push({ ...toJsonDiagnostic({ ...place(f.start, f.end), severity, code, message, suggestions }), cell: f.cell, cellLine: f.cellLine + 1, cellColumn: f.cellCharacter + 1 });
      }
      continue;
    }
    const result = checkText({
      text,
      languageId: languageOfFile(file) ?? 'plaintext',
      path: file,
      relativePath: rel,
      registry,
      settings,
      hrefFor: (entry) => entry.docsUrl ?? (entry.sources[0] ? pathToFileURL(entry.sources[0].file).toString() : null),
      registryDiagnostics: service.isUserCard(file) ? service.diagnosticsFor(file) : undefined,
    });
    if (result.skipped) {
      skip(result.skipped.reason);
      continue;
    }
    checkedOne(result.capped);
    for (const f of result.findings) {
      const { severity, code, message, suggestions } = f;
      diagnostics.push(toJsonDiagnostic({ ...place(f.start, f.end), severity, code, message, suggestions }));
    }
  }
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const warnings = count('warning');
  // --quiet reports errors only; warnings still count towards --max-warnings.
  const shown = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  switch (opts.format) {
    case 'json':
      console.log(JSON.stringify({ diagnostics: shown }, null, 2));
      break;
    case 'sarif':
      console.log(JSON.stringify(toSarif(shown, VERSION, root, packageRoot), null, 2));
      break;
    case 'github':
      for (const d of shown) console.log(toGithub(d));
      break;
    default: {
      for (const d of shown) console.log(formatDiagnosticLine(d, style));
      console.error(`${checked} file(s) checked, ${skipped} skipped; ${count('error')} error(s), ${warnings} warning(s), ${count('info') + count('hint')} other`);
    }
  }
  if (count('error') > 0) return 1;
  if (opts.maxWarnings !== null && warnings > opts.maxWarnings) {
    console.error(`model-lens: ${warnings} warning(s), more than --max-warnings ${opts.maxWarnings}`);
    return 1;
  }
  return 0;
}
