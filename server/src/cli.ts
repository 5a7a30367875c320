/**
 * `model-lens`: the registry and its checks on the command line.
 *
 *   model-lens list [--format text|json]
 *   model-lens cards <files or folders…> [--format text|json]
 *   model-lens check [paths…] [--format text|json|sarif|github]
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectCardFiles, parseCardFiles } from './cardFiles';
import { collectFiles, languageOf, readProjectSettings } from './checkFiles';
import { checkText } from './diagnostics/engine';
import { LineIndex } from './lineIndex';
import { buildRegistry, type Registry } from './registry';
import { builtinDocuments } from './registry/builtin';
import { anchorDocuments, RegistryService } from './registryService';
import {
  MODEL_HEADER,
  formatDiagnosticLine,
  makeStyle,
  modelRows,
  table,
  toGithub,
  toJsonDiagnostic,
  toJsonModel,
  toSarif,
  type JsonDiagnostic,
  type Style,
} from './output';

const USAGE = `Usage: model-lens <command> [options]

Commands:
  list                      every model Model Lens knows (its built-in cards)
  cards <files|folders…>    the models in those card files and the problems found in them
  check [paths…]            check model names in files and folders (default: the current
                            directory), with the settings of .vscode/settings.json

Options:
  --format FORMAT           text or json; check also takes sarif and github (default: text)
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 when fine, 1 when an error is found, 2 on bad usage.`;

class UsageError extends Error {}

interface Options {
  command: string;
  args: string[];
  format: 'text' | 'json' | 'sarif' | 'github';
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  let format: Options['format'] = 'text';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json' && v !== 'sarif' && v !== 'github') throw new UsageError(`--format takes text, json, sarif or github, not ${v === undefined ? 'nothing' : `"${v}"`}`);
      format = v;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else rest.push(a);
  }
  const [command, ...args] = rest;
  if (!command) throw new UsageError('no command given');
  if (command !== 'check' && (format === 'sarif' || format === 'github')) throw new UsageError(`--format ${format} is for the check command`);
  return { command, args, format };
}

function printModels(registry: Registry, style: Style): void {
  for (const ns of ['box', 'vendor'] as const) {
    const models = registry.models.filter((m) => m.namespace === ns);
    if (!models.length) continue;
    console.log(style.bold(ns === 'box' ? `Box AI API names (${models.length})` : `Vendor model ids (${models.length})`));
    console.log(table(MODEL_HEADER, modelRows(models), style));
    console.log('');
  }
}

async function run(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (opts === 'version') {
    console.log(VERSION);
    return 0;
  }
  const style = makeStyle(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  switch (opts.command) {
    case 'list': {
      if (opts.args.length) throw new UsageError('list takes no arguments');
      const registry = buildRegistry([builtinDocuments]);
      if (opts.format === 'json') console.log(JSON.stringify({ models: registry.models.map(toJsonModel) }, null, 2));
      else printModels(registry, style);
      return 0;
    }
    case 'cards': {
      if (!opts.args.length) throw new UsageError('cards needs at least one file or folder');
      let files: string[];
      try {
        files = await collectCardFiles(opts.args);
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
      const docs = await parseCardFiles(files, (f) => path.relative(process.cwd(), f) || f);
      const registry = buildRegistry([docs]);
      const diagnostics = registry.diagnostics.map(toJsonDiagnostic).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
      if (opts.format === 'json') {
        console.log(JSON.stringify({ models: registry.models.map(toJsonModel), diagnostics }, null, 2));
      } else {
        printModels(registry, style);
        for (const d of diagnostics) console.log(formatDiagnosticLine(d, style));
        const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
        console.log(
          `\n${files.length} file(s), ${registry.models.length} model(s); ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`,
        );
      }
      return registry.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    }
    case 'check':
      return check(opts, style);
    default:
      throw new UsageError(`unknown command "${opts.command}"`);
  }
}

const DESCRIPTIONS: Record<string, string> = {
  'unknown-model': 'A model name that is not in the registry',
  'name-format': 'A model name that breaks the naming rules',
  'retired-model': 'A retired, removed, renamed or legacy model name',
  'deprecated-model': 'A deprecated model that still works',
  'wrong-purpose': 'An embeddings model in a chat slot, or a chat model in an embeddings slot',
  'token-limit': "A completion-token limit above the model's maximum output",
};

async function check(opts: Options, style: Style): Promise<number> {
  const root = process.cwd();
  const { settings } = await readProjectSettings(root);
  for (const p of opts.args) {
    try {
      await fs.stat(path.resolve(root, p));
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
  }
  const packageRoot = path.resolve(__dirname, '..');
  const service = new RegistryService(anchorDocuments(builtinDocuments, packageRoot));
  if (settings.cardPaths.length) await service.configure(settings.cardPaths, [root]);
  const registry = service.registry;
  const files = await collectFiles(opts.args.length ? opts.args : ['.'], root, settings);
  const diagnostics: JsonDiagnostic[] = [];
  let skipped = 0;
  for (const file of files) {
    let text: string;
    try {
      const st = await fs.stat(file);
      if (st.size > settings.maxFileSize) {
        console.error(`model-lens: skipped ${path.relative(root, file)}: larger than modelLens.maxFileSize (${settings.maxFileSize} bytes)`);
        skipped++;
        continue;
      }
      text = await fs.readFile(file, 'utf8');
    } catch {
      continue;
    }
    const rel = path.relative(root, file) || file;
    const result = checkText({
      text,
      languageId: languageOf(file) ?? 'plaintext',
      path: file,
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
    const lines = new LineIndex(text);
    for (const f of result.findings) {
      const s = lines.position(f.start);
      const e = lines.position(f.end);
      const { severity, code, message, suggestions } = f;
      diagnostics.push(toJsonDiagnostic({ file: rel.split(path.sep).join('/'), line: s.line, column: s.character, endLine: e.line, endColumn: e.character, severity, code, message, suggestions }));
    }
  }
  switch (opts.format) {
    case 'json':
      console.log(JSON.stringify({ diagnostics }, null, 2));
      break;
    case 'sarif':
      console.log(JSON.stringify(toSarif(diagnostics, VERSION, DESCRIPTIONS), null, 2));
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

const VERSION = process.env.MODEL_LENS_VERSION ?? '0.1.0';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`model-lens: ${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(e);
      process.exitCode = 2;
    }
  },
);
