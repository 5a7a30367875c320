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
import { collectFiles } from './files';
import { toGithub } from './github';
import { toJsonDiagnostic, type JsonDiagnostic } from './json';
import { loadProject } from './project';
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

export async function check(opts: Options, style: Style): Promise<number> {
  const root = process.cwd();
  for (const p of opts.args) {
    try {
      await fs.stat(path.resolve(root, p));
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
  }
  const { settings, service } = await loadProject(root);
  const registry = service.registry;
  const files = await collectFiles(opts.args.length ? opts.args : ['.'], root, settings);
  const diagnostics: JsonDiagnostic[] = [];
  let skipped = 0;
  for (const file of files) {
    // A notebook's outputs (images, tables) do not count: its cells' sources are held to the limit.
    const read = await readTextFile(file, isNotebookFile(file) ? MAX_NOTEBOOK_BYTES : settings.maxFileSize);
    if (!read.ok) {
      const why = SKIP_REASONS[read.reason];
      if (why) {
        console.error(`model-lens: skipped ${path.relative(root, file) || file}: ${why(settings)}`);
        skipped++;
      }
      continue;
    }
    const text = read.text;
    const rel = (path.relative(root, file) || file).split(path.sep).join('/');
    const lines = new LineIndex(text);
    const place = (start: number, end: number) => {
      const s = lines.position(start);
      const e = lines.position(end);
      return { file: rel, line: s.line, column: s.character, endLine: e.line, endColumn: e.character };
    };
    if (isNotebookFile(file)) {
      const found = checkNotebook(text, registry, settings, rel);
      if (!found) {
        console.error(`model-lens: skipped ${rel}: not a notebook, or its cells are larger than modelLens.maxFileSize`);
        skipped++;
        continue;
      }
      if (found.capped) console.error(`model-lens: ${rel}: ${cappedMessage(settings)}`);
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
      console.error(`model-lens: skipped ${rel}: ${result.skipped.reason}`);
      skipped++;
      continue;
    }
    if (result.capped) console.error(`model-lens: ${rel}: ${cappedMessage(settings)}`);
    for (const f of result.findings) {
      const { severity, code, message, suggestions } = f;
      diagnostics.push(toJsonDiagnostic({ ...place(f.start, f.end), severity, code, message, suggestions }));
    }
  }
  switch (opts.format) {
    case 'json':
      console.log(JSON.stringify({ diagnostics }, null, 2));
      break;
    case 'sarif':
      console.log(JSON.stringify(toSarif(diagnostics, VERSION), null, 2));
      break;
    case 'github':
      for (const d of diagnostics) console.log(toGithub(d));
      break;
    default: {
      for (const d of diagnostics) console.log(formatDiagnosticLine(d, style));
      const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
      console.error(`${files.length - skipped} file(s) checked, ${skipped} skipped; ${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} other`);
    }
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
