/**
 * `model-lens`: the registry and its checks on the command line.
 *
 *   model-lens list [--format text|json]
 *   model-lens cards <files or folders…> [--format text|json]
 *   model-lens check [paths…] [--format text|json|sarif|github]
 */
import * as path from 'node:path';
import { collectCardFiles, parseCardFiles } from '../cards/files';
import { buildRegistry, type Registry } from '../registry';
import { builtinDocuments } from '../registry/builtin';
import { VERSION } from '../version';
import { parseArgs, USAGE, UsageError, type Options } from './args';
import { check } from './check';
import { toJsonDiagnostic, toJsonModel } from './json';
import { MODEL_HEADER, formatDiagnosticLine, makeStyle, modelRows, table, type Style } from './text';

function printModels(registry: Registry, style: Style): void {
  for (const ns of ['box', 'vendor'] as const) {
    const models = registry.models.filter((m) => m.namespace === ns);
    if (!models.length) continue;
    console.log(style.bold(ns === 'box' ? `Box AI API names (${models.length})` : `Vendor model ids (${models.length})`));
    console.log(table(MODEL_HEADER, modelRows(models), style));
    console.log('');
  }
}

async function cards(opts: Options, style: Style): Promise<number> {
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
    console.log(`\n${files.length} file(s), ${registry.models.length} model(s); ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`);
  }
  return registry.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
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
    case 'cards':
      return cards(opts, style);
    case 'check':
      return check(opts, style);
    default:
      throw new UsageError(`unknown command "${opts.command}"`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof UsageError ? `model-lens: ${e.message}\n\n${USAGE}` : e);
    process.exitCode = 2;
  },
);
