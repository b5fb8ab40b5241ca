// Take docs/editor-completion.png and docs/editor-hover.png: completion of a version's
// fields and hover on `same_as` in a real editor, on the committed provision schema and an
// excerpt of positions/csar/provisions/detection-orders.yaml.
//
//   cd tests/editor/screenshots && npm ci && node shoot.mjs
//
// Debian's Chromium (apt-get install chromium), headless, talking to 127.0.0.1 only.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'trilogue-shots-'));

async function bundle() {
  await build({ entryPoints: [path.join(here, 'page.js')], bundle: true, format: 'esm', outfile: path.join(site, 'page.js'), loader: { '.ttf': 'file' }, logLevel: 'warning' });
  const workers = {
    'editor.worker': path.join(here, 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js'),
    'yaml.worker': path.join(here, 'node_modules/monaco-yaml/yaml.worker.js'),
  };
  await build({ entryPoints: workers, bundle: true, format: 'iife', outdir: site, logLevel: 'warning' });
  fs.writeFileSync(
    path.join(site, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>trilogue in Monaco</title><link rel="stylesheet" href="./page.css">' +
      '<style>html,body{margin:0;height:100%}#editor{width:100%;height:100%}</style></head>' +
      '<body><div id="editor"></div><script type="module" src="./page.js"></script></body></html>',
  );
  fs.copyFileSync(path.join(repo, 'schema/provision.schema.json'), path.join(site, 'provision.schema.json'));
}

/** The two documents: a version being written (completion) and one to hover over. */
function documents() {
  const lines = fs.readFileSync(path.join(repo, 'positions/csar/provisions/detection-orders.yaml'), 'utf8').split('\n');
  const commission = lines.slice(0, lines.findIndex((l) => l.startsWith('    text:')));
  const head = [...commission, '  parliament:', '    date: 2023-11-14', '    source: ep-mandate-2023'].join('\n') + '\n';
  fs.writeFileSync(path.join(site, 'complete.yaml'), `${head}    \n`);
  const council = '  council:\n    - date: 2025-11-26\n      source: council-mandate-2025\n      deleted: true\n';
  fs.writeFileSync(path.join(site, 'hover.yaml'), `${head}    same_as: commission\n${council}`);
}

function serve() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.ttf': 'font/ttf' };
  const server = createServer((req, res) => {
    const file = path.join(site, decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname));
    if (!file.startsWith(site + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'text/plain' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function shoot(page, base) {
  const open = async (doc) => {
    await page.goto(`${base}/index.html?doc=${doc}`);
    await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
    await page.waitForTimeout(1500); // the worker loads the schema
  };
  await open('complete.yaml');
  await page.evaluate(() => {
    const line = window.editor.getModel().getLineCount() - 1;
    window.editor.setPosition({ lineNumber: line, column: window.editor.getModel().getLineMaxColumn(line) });
    window.editor.focus();
    window.editor.trigger('shoot', 'editor.action.triggerSuggest', {});
  });
  await page.waitForSelector('.suggest-widget.visible', { timeout: 20_000 });
  await page.waitForTimeout(500);
  if (!(await page.isVisible('.suggest-details'))) await page.keyboard.press('Control+Space'); // "read more"
  await page.waitForSelector('.suggest-details', { state: 'visible', timeout: 10_000 });
  for (let i = 0; i < 10; i++) {
    const focused = await page.$eval('.suggest-widget .monaco-list-row.focused', (e) => e.textContent);
    if (focused.includes('same_as')) break;
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(repo, 'docs/editor-completion.png'), clip: { x: 0, y: 0, width: 900, height: 440 } });

  await open('hover.yaml');
  await page.evaluate(() => {
    const line = window.editor.getModel().getLinesContent().findIndex((l) => l.includes('same_as:')) + 1;
    window.editor.setPosition({ lineNumber: line, column: 7 });
    window.editor.focus();
    window.editor.trigger('shoot', 'editor.action.showHover', {});
  });
  await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 20_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(repo, 'docs/editor-hover.png'), clip: { x: 0, y: 0, width: 900, height: 420 } });
}

await bundle();
documents();
const server = await serve();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'trilogue-shots-profile-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1100, height: 520 },
});
try {
  await shoot(browser.pages()[0] ?? (await browser.newPage()), `http://127.0.0.1:${server.address().port}`);
  console.log('wrote docs/editor-completion.png and docs/editor-hover.png');
} finally {
  await browser.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(site, { recursive: true, force: true });
}
