// Shared helpers of the browser tests and output checks (issue #6).
//
// Everything here is bounded in time and talks only to 127.0.0.1. The tests never
// touch the working tree: they copy positions/ into a temporary project and build or
// serve that.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, request } from 'node:http';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const execFileP = promisify(execFile);

/** The repository root (tests/browser/lib/../../..). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The trilogue binary: $TRILOGUE_BIN, relative to the repository root unless absolute. */
export const BIN = path.resolve(REPO, process.env.TRILOGUE_BIN || 'target/debug/trilogue');

export const DOSSIER = 'csar';

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SERVE_UNAVAILABLE = 'trilogue serve is not available';

/** Run the binary with arguments; resolves with {stdout, stderr, code}; never hangs. */
export async function runBin(args, { timeout = 240_000 } = {}) {
  try {
    const { stdout, stderr } = await execFileP(BIN, args, {
      timeout,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    if (e.code === 'ENOENT') {
      throw new Error(`trilogue binary not found at ${BIN} (build it with cargo build, or set TRILOGUE_BIN)`);
    }
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.killed ? 'timeout' : e.code };
  }
}

let serveAvailable;
/** Whether the binary has a `serve` subcommand (read from `trilogue --help`). */
export async function hasServe() {
  if (serveAvailable === undefined) {
    const { stdout, stderr } = await runBin(['--help'], { timeout: 30_000 });
    serveAvailable = /^\s+serve\b/m.test(stdout + stderr);
  }
  return serveAvailable;
}

/** A temporary folder, removed by the returned cleanup function. */
export async function tempDir(prefix) {
  return fs.mkdtemp(path.join(os.tmpdir(), `trilogue-${prefix}-`));
}

/** A temporary project: a copy of the repository's positions/ (the data only). */
/**
 * A temporary project: the repository's positions/, or the positions/ of each folder of
 * `layers` copied over one another (e.g. a fixture and an overlay of it).
 */
export async function tempProject(layers = [REPO]) {
  const root = await tempDir('project');
  for (const layer of layers) {
    await fs.cp(path.join(layer, 'positions'), path.join(root, 'positions'), { recursive: true });
  }
  return root;
}

export async function removeDir(dir) {
  if (dir) await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Build the site of `root` into a new temporary folder and return that folder. */
export async function buildSite(root) {
  const parent = await tempDir('site');
  const out = path.join(parent, 'site');
  const r = await runBin(['--root', root, 'build', '--out', out]);
  if (r.code !== 0) {
    throw new Error(`trilogue build failed (exit ${r.code}):\n${r.stderr}${r.stdout}`);
  }
  return out;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** GET a URL on 127.0.0.1; resolves with {status, headers, body}. Bounded by `timeout`. */
export function httpGet(url, { timeout = 5_000 } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    if (u.hostname !== '127.0.0.1') return reject(new Error(`refusing to fetch ${url}: only 127.0.0.1`));
    const req = request(u, { method: 'GET', timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** Wait until `url` answers with a status below 500 (the server is up). */
export async function waitForHttp(url, { timeout = 120_000, proc } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) {
      throw new Error(`the server exited with code ${proc.exitCode} before answering ${url}:\n${proc.output()}`);
    }
    try {
      const r = await httpGet(url, { timeout: 2_000 });
      if (r.status < 500) return r;
      last = `status ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeout / 1000} s (last: ${last})${proc ? `\n${proc.output()}` : ''}`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/**
 * A tiny static file server for a built site folder, on 127.0.0.1 and a free port.
 * Folders serve their index.html. Returns {url, close}.
 */
export async function staticServer(dir) {
  const base = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://127.0.0.1');
      let rel = decodeURIComponent(u.pathname);
      let file = path.resolve(base, '.' + rel);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let st = await fs.stat(file).catch(() => null);
      if (st && st.isDirectory()) {
        file = path.join(file, 'index.html');
        st = await fs.stat(file).catch(() => null);
      }
      if (!st || !st.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-length': st.size, 'cache-control': 'no-store' });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Servers started here and still running: killed if this process ends first. */
const live = new Set();
process.once('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    for (const p of live) p.kill('SIGKILL');
    process.exit(130);
  });
}

/**
 * Start `trilogue serve --port <free> --root <root>` and wait until it answers.
 * Returns {url, proc, output(), close()}.
 */
export async function startServe(root, { timeout = 180_000 } = {}) {
  const port = await freePort();
  const proc = spawn(BIN, ['--root', root, 'serve', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
  let out = '';
  const keep = (c) => {
    out += c.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  proc.output = () => `--- trilogue serve output ---\n${out}\n--- end ---`;
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!done) {
      proc.kill('SIGKILL');
      await Promise.race([exited, sleep(5_000)]);
    }
  };
  try {
    await waitForHttp(`${url}/`, { timeout, proc });
  } catch (e) {
    await close();
    throw e;
  }
  return { url, proc, output: proc.output, close };
}

/**
 * The site under test: `trilogue serve` when the binary has it, else a build served by
 * the static server above. Returns {url, mode, root, siteDir, output(), close()}.
 */
export async function startSite({ requireServe = false, layers } = {}) {
  const root = await tempProject(layers);
  try {
    if (await hasServe()) {
      const s = await startServe(root);
      return {
        url: s.url,
        mode: 'serve',
        root,
        output: s.output,
        close: async () => {
          await s.close();
          await removeDir(root);
        },
      };
    }
    if (requireServe) throw new Error(`${SERVE_UNAVAILABLE} (${BIN} --help lists no serve command)`);
    const siteDir = await buildSite(root);
    const s = await staticServer(siteDir);
    return {
      url: s.url,
      mode: 'static',
      root,
      siteDir,
      output: () => '',
      close: async () => {
        await s.close();
        await removeDir(path.dirname(siteDir));
        await removeDir(root);
      },
    };
  } catch (e) {
    await removeDir(root);
    throw e;
  }
}

/** Launch Debian's Chromium through playwright-core (no browser download). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
  });
}

/**
 * A new page that records console errors and page errors into `errors` (shared list of
 * {url, kind, text}). Requests to anything but 127.0.0.1 are recorded as errors too: the
 * site must fetch nothing from elsewhere.
 */
export async function newPage(context, errors) {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      // Chromium asks for /favicon.ico by itself when a page names no icon; the site has
      // none to offer at the server's root (it may live in a sub-folder), so that 404 is
      // the browser's doing, not the page's.
      if (loc && loc.url && new URL(loc.url, 'http://x').pathname === '/favicon.ico') return;
      errors.push({ url: page.url(), kind: 'console.error', text: `${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}` });
    }
  });
  page.on('pageerror', (err) => errors.push({ url: page.url(), kind: 'pageerror', text: String(err && err.stack ? err.stack : err) }));
  page.on('request', (req) => {
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(req.url())) {
      errors.push({ url: page.url(), kind: 'request outside 127.0.0.1', text: req.url() });
    }
  });
  return page;
}

export function formatErrors(errors) {
  return errors.map((e) => `  ${e.kind} on ${e.url}: ${e.text}`).join('\n');
}

/** The provision ids of the dossier: the file names in positions/<dossier>/provisions/. */
export async function provisionIds(root = REPO, dossier = DOSSIER, folder = 'provisions') {
  const dir = path.join(root, 'positions', dossier, folder);
  return (await fs.readdir(dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

/** The ids of the summary rows (rows/*.yaml) of a dossier; empty when it has none. */
export async function rowIds(root = REPO, dossier = DOSSIER) {
  return provisionIds(root, dossier, 'rows').catch(() => []);
}

/** Every file below `dir` (relative paths with '/'), sorted. */
export async function walk(dir) {
  const out = [];
  async function rec(d, rel) {
    for (const ent of await fs.readdir(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) await rec(path.join(d, ent.name), r);
      else if (ent.isFile()) out.push(r);
    }
  }
  await rec(dir, '');
  return out.sort();
}
