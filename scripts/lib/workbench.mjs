// Start code-server (VS Code's server build) and headless Chromium on it: shared by the e2e
// runner and the screenshot script. See ../shared/notes/offline-vscode-e2e.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';

export function codeServerEntry(root) {
  return path.join(root, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Start code-server on a free port for `workspace`; resolves once it listens. */
export async function startCodeServer(root, workspace, userSettings = {}) {
  const entry = codeServerEntry(root);
  if (!existsSync(entry)) throw new Error('code-server is not installed; run scripts/setup-e2e.sh first');
  const port = await freePort();
  const userData = mkdtempSync(path.join(tmpdir(), 'model-lens-cs-user-'));
  const extensions = mkdtempSync(path.join(tmpdir(), 'model-lens-cs-ext-'));
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false, ...userSettings }),
  );
  const server = spawn(process.execPath, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const t0 = Date.now();
  while (!/HTTP server listening/.test(log)) {
    if (Date.now() - t0 > 60_000 || server.exitCode !== null) {
      server.kill();
      throw new Error(`code-server did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const product = path.join(path.dirname(entry), '..', '..', 'lib', 'vscode', 'product.json');
  const version = JSON.parse(execFileSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(product)}).version ?? ''))`]).toString());
  return {
    port,
    version,
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    url: (payload) => `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    stop() {
      server.kill();
      rmSync(userData, { recursive: true, force: true });
      rmSync(extensions, { recursive: true, force: true });
    },
  };
}

/** Headless Debian Chromium, with the flags that keep it off the network. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Forward the workbench's automation log to our output, printf-style arguments formatted. */
export async function exposeAutomation(page, onExit) {
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (line.trim() && !/ENOTFOUND open-vsx|^\s+at /.test(line)) console.log(`  ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
}
