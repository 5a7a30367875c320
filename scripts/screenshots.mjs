// Take the README's screenshots in a real VS Code workbench (code-server + headless Chromium) with the
// extension loaded: completion open on a partly typed name, a hover card, and a squiggle with its
// quick-fix menu.   npm run screenshots
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCodeServer } from './lib/workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });

const workspace = mkdtempSync(path.join(tmpdir(), 'model-lens-shots-'));
cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });

const cs = await startCodeServer(root, workspace, {
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.fontSize': 15,
  'window.commandCenter': false,
  'workbench.activityBar.location': 'hidden',
  'editor.minimap.enabled': false,
  'breadcrumbs.enabled': false,
  'editor.hover.delay': 100,
});
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
const mod = 'Control';

async function step(what, fn) {
  try {
    await fn();
  } catch (e) {
    await page.screenshot({ path: path.join(outDir, 'failed.tmp.png') });
    throw new Error(`screenshots: ${what}: ${e.message}`);
  }
}

async function goTo(line, column) {
  await page.keyboard.press(`${mod}+g`);
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150);
}

try {
  await page.goto(cs.url([['extensionDevelopmentPath', cs.remote(root)], ['skipWelcome', 'true']]));
  await step('workbench', () => page.waitForSelector('.monaco-workbench', { timeout: 60_000 }));
  await step('open agent.py', async () => {
    await page.keyboard.press(`${mod}+p`);
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"])', { timeout: 20_000 });
    await page.keyboard.type('agent.py');
    await page.click('.quick-input-list .monaco-list-row', { timeout: 20_000 });
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20_000 });
  });
  // Wait for the language server: the squiggle under the typo appears.
  await step('diagnostics', () => page.waitForSelector('.squiggly-warning, .squiggly-error', { timeout: 60_000 }));

  await step('completion', async () => {
    // Type a new line as a user would: the quote opens completion, the partial name filters it.
    await goTo(9, 1);
    await page.keyboard.type('summary = AiAgentBasicTextTool(model="', { delay: 25 });
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 20_000 });
    await page.keyboard.type('azure__op', { delay: 120 });
    await page.waitForTimeout(400);
    await page.keyboard.press(`${mod}+Space`); // the details panel: the model's card
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(outDir, 'completion.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  await step('hover', async () => {
    await goTo(4, 45); // on the (typo) name
    await goTo(7, 42); // google__text_bison: retired, with its card
    await page.keyboard.press(`${mod}+k`);
    await page.keyboard.press(`${mod}+i`);
    await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, 'hover.png') });
    await page.keyboard.press('Escape');
  });

  await step('quick fix', async () => {
    await goTo(4, 45); // azure__openai__gpt_4o_minii
    await page.keyboard.press(`${mod}+.`);
    await page.waitForSelector('.action-widget', { timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, 'quick-fix.png') });
    await page.keyboard.press('Escape');
  });
  console.log(`screenshots: VS Code ${cs.version} (code-server); written to docs/screenshots/`);
} finally {
  await browser.close();
  cs.stop();
  rmSync(workspace, { recursive: true, force: true });
}
