// Run the extension's test suite (test/e2e) inside a real VS Code.
//
//   node scripts/run-e2e.mjs [--vsix model-lens.vsix]
//
// Where VS Code can be downloaded, @vscode/test-electron runs it in desktop VS Code. Where it cannot
// (no network but the npm registry, as on these machines and in CI), the same suite runs in
// code-server's extension host, with headless Chromium as the workbench
// (see ../shared/notes/offline-vscode-e2e.md; install with scripts/setup-e2e.sh).
// The runner says which one ran. With --vsix, the packaged extension is tested instead of this folder.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exposeAutomation, launchBrowser, startCodeServer } from './lib/workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const vsixArg = args.includes('--vsix') ? args[args.indexOf('--vsix') + 1] : null;
if (args.includes('--vsix') && (!vsixArg || !existsSync(vsixArg))) {
  console.error('usage: node scripts/run-e2e.mjs [--vsix path/to/model-lens.vsix]');
  process.exit(2);
}

function log(msg) {
  console.log(`e2e: ${msg}`);
}

// 1. The suite, bundled for the extension host.
await build({
  entryPoints: [path.join(root, 'test/e2e/suite/index.ts')],
  outfile: path.join(root, 'out/e2e/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's parallel mode (a worker pool) is not used in the extension host.
  logOverride: { 'require-resolve-not-external': 'silent' },
});

// 2. The extension under test: this folder (built), or the contents of a .vsix.
let extensionPath = root;
let unpacked = null;
if (vsixArg) {
  unpacked = mkdtempSync(path.join(tmpdir(), 'model-lens-vsix-'));
  execFileSync('unzip', ['-q', path.resolve(vsixArg), 'extension/*', '-d', unpacked]);
  extensionPath = path.join(unpacked, 'extension');
  log(`testing the packaged extension ${vsixArg} (unpacked in ${extensionPath})`);
} else if (!existsSync(path.join(root, 'dist/extension.js'))) {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}

// 3. A fresh copy of the test workspace: the suite edits files and settings.
const workspace = mkdtempSync(path.join(tmpdir(), 'model-lens-ws-'));
cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });
mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
writeFileSync(path.join(workspace, '.vscode', 'settings.json'), '{\n  "files.autoSave": "off"\n}\n');
const testsPath = path.join(root, 'out/e2e/index.js');

async function tryElectron() {
  if (process.env.MODEL_LENS_E2E === 'code-server') return { ran: false, reason: 'MODEL_LENS_E2E=code-server' };
  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch (e) {
    return { ran: false, reason: `@vscode/test-electron not installed (${e.message})` };
  }
  let executable;
  try {
    executable = await Promise.race([
      testElectron.downloadAndUnzipVSCode({ version: 'stable', timeout: 20_000 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('download timed out after 60 s')), 60_000)),
    ]);
  } catch (e) {
    return { ran: false, reason: `could not download VS Code: ${String(e.message ?? e).split('\n')[0]}` };
  }
  log(`running in desktop VS Code (${executable}) with @vscode/test-electron`);
  const code = await testElectron.runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  }).then(() => 0, () => 1);
  return { ran: true, code };
}

async function runCodeServer() {
  let cs;
  try {
    cs = await startCodeServer(root, workspace);
  } catch (e) {
    console.error(`e2e: ${e.message}`);
    return 1;
  }
  log(`running in code-server (VS Code ${cs.version}) with headless Chromium at http://127.0.0.1:${cs.port}`);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let exitCode = null;
  await exposeAutomation(page, (code) => {
    exitCode = code;
  });
  await page.goto(cs.url([
    ['extensionDevelopmentPath', cs.remote(extensionPath)],
    ['extensionTestsPath', cs.remote(testsPath)],
    ['skipWelcome', 'true'],
  ]));
  const deadline = Date.now() + 8 * 60_000;
  while (exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (exitCode === null) {
    console.error('e2e: the suite did not finish in 8 minutes');
    exitCode = 1;
  }
  await browser.close();
  cs.stop();
  return exitCode;
}

let code;
const electron = await tryElectron();
if (electron.ran) code = electron.code;
else {
  log(`desktop VS Code not used: ${electron.reason}`);
  code = await runCodeServer();
}
rmSync(workspace, { recursive: true, force: true });
if (unpacked) rmSync(unpacked, { recursive: true, force: true });
log(code === 0 ? 'the suite passed' : `the suite failed (${code})`);
process.exit(code);
