// Output checks of a built site (issue #6): accessibility (axe-core) and links.
//
//   node --test check-output.mjs                 builds a fresh site from a copy of positions/
//   SITE_DIR=target/ci-site node --test check-output.mjs   checks an existing site folder
//
// Every HTML page is opened in Chromium from a local static server on 127.0.0.1.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  REPO,
  tempProject,
  buildSite,
  removeDir,
  staticServer,
  launchBrowser,
  newPage,
  walk,
} from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await fs.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAIL_IMPACTS = new Set(['serious', 'critical']);
// Provision and row pages share one template each: axe checks every other page, and of
// these at most this many per dossier and kind, spread evenly over them (the first and
// the last included). A real dossier has hundreds, and axe takes about a second a page.
// AXE_ALL=1 checks every page.
const AXE_PER_KIND = 30;

/** The pages axe checks: all but provision and row pages, and an even sample of those. */
function axeSample(all) {
  if (process.env.AXE_ALL === '1') return all;
  const groups = new Map();
  const rest = [];
  for (const f of all) {
    const m = f.match(/^(.*\/(?:provisions|rows))\/[^/]+\.html$/);
    if (!m) rest.push(f);
    else {
      if (!groups.has(m[1])) groups.set(m[1], []);
      groups.get(m[1]).push(f);
    }
  }
  const sampled = [...groups.values()].flatMap((files) => {
    if (files.length <= AXE_PER_KIND) return files;
    const step = (files.length - 1) / (AXE_PER_KIND - 1);
    return [...new Set(Array.from({ length: AXE_PER_KIND }, (_, i) => files[Math.round(i * step)]))];
  });
  return [...rest, ...sampled];
}

describe('the built site', () => {
  let siteDir;
  let cleanup = async () => {};
  let server;
  let browser;
  let pages;

  before(async () => {
    if (process.env.SITE_DIR) {
      siteDir = path.resolve(REPO, process.env.SITE_DIR);
    } else {
      const root = await tempProject();
      siteDir = await buildSite(root);
      cleanup = async () => {
        await removeDir(path.dirname(siteDir));
        await removeDir(root);
      };
    }
    pages = (await walk(siteDir)).filter((f) => f.endsWith('.html'));
    server = await staticServer(siteDir);
    browser = await launchBrowser();
  }, { timeout: 300_000 });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    await cleanup();
  }, { timeout: 60_000 });

  it('axe-core finds no serious or critical accessibility violations on any page (provision and row pages sampled)', { timeout: 600_000 }, async (t) => {
    const checked = axeSample(pages);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    const found = [];
    let minor = 0;
    try {
      const page = await newPage(context, errors);
      page.setDefaultTimeout(60_000);
      for (const f of checked) {
        await page.goto(`${server.url}/${f}`, { waitUntil: 'load' });
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            targets: v.nodes.map((n) => n.target.join(' ')),
            example: { html: v.nodes[0]?.html ?? '', why: v.nodes[0]?.failureSummary ?? '' },
          }));
        });
        for (const v of violations) {
          if (FAIL_IMPACTS.has(v.impact)) found.push({ page: f, ...v });
          else minor += 1;
        }
      }
    } finally {
      await context.close();
    }
    t.diagnostic(`axe-core ${JSON.parse(await fs.readFile(require.resolve('axe-core/package.json'), 'utf8')).version} on ${checked.length} of ${pages.length} pages (AXE_ALL=1 for all); ${minor} minor or moderate violations not counted`);
    // Grouped by rule: what is wrong, one example element, then every page and its targets.
    const byRule = new Map();
    for (const v of found) {
      if (!byRule.has(v.id)) byRule.set(v.id, []);
      byRule.get(v.id).push(v);
    }
    const report = [...byRule.values()]
      .map((vs) => {
        const v = vs[0];
        const pagesList = vs
          .map((x) => `    ${x.page}: ${x.targets.slice(0, 4).join(', ')}${x.targets.length > 4 ? `, … (${x.targets.length} elements)` : ''}`)
          .join('\n');
        const why = v.example.why.replace(/\s+/g, ' ').slice(0, 300);
        return `  ${v.id} (${v.impact}): ${v.help} [${vs.length} pages] ${v.helpUrl}\n    e.g. ${v.example.html.slice(0, 300)}\n    ${why}\n${pagesList}`;
      })
      .join('\n');
    assert.equal(found.length, 0, `serious or critical accessibility violations:\n${report}`);
  });

  it('every internal link and anchor resolves; external links are well-formed', { timeout: 600_000 }, async (t) => {
    // JavaScript off: the links as written in the HTML files.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const ids = new Map(); // page -> Set of ids
    const refs = []; // {page, attr, value}
    try {
      const page = await newPage(context, []);
      for (const f of pages) {
        await page.goto(`${server.url}/${f}`, { waitUntil: 'domcontentloaded' });
        const facts = await page.evaluate(() => ({
          ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
          refs: [...document.querySelectorAll('[href], [src]')].flatMap((e) =>
            ['href', 'src'].filter((a) => e.hasAttribute(a)).map((a) => ({ tag: e.localName, attr: a, value: e.getAttribute(a) }))),
        }));
        ids.set(f, new Set(facts.ids));
        for (const r of facts.refs) refs.push({ page: f, ...r });
      }
    } finally {
      await context.close();
    }

    const problems = [];
    let internal = 0;
    let external = 0;
    const exists = new Map();
    const fileExists = async (rel) => {
      if (!exists.has(rel)) exists.set(rel, await fs.stat(path.join(siteDir, rel)).then((s) => s.isFile(), () => false));
      return exists.get(rel);
    };
    for (const { page, tag, attr, value } of refs) {
      const where = `${page}: <${tag} ${attr}="${value}">`;
      const v = value.trim();
      if (v !== value || v === '') {
        problems.push(`${where}: empty or padded with spaces`);
        continue;
      }
      const scheme = v.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/);
      if (scheme) {
        const s = scheme[1].toLowerCase();
        if (s === 'http' || s === 'https') {
          external += 1;
          let u;
          try {
            u = new URL(v);
          } catch {
            problems.push(`${where}: malformed URL`);
            continue;
          }
          if (!u.hostname || !u.hostname.includes('.') || /\s/.test(v) || !/^https?:\/\/[^/]/i.test(v)) problems.push(`${where}: malformed URL`);
        } else if (s === 'mailto') {
          if (!/^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i.test(v)) problems.push(`${where}: malformed mailto`);
        } else if (s !== 'data') {
          problems.push(`${where}: unexpected scheme ${s}:`);
        }
        continue;
      }
      if (v.startsWith('//')) {
        problems.push(`${where}: protocol-relative URL`);
        continue;
      }
      internal += 1;
      // Resolve against the page's place in the site; '/' is the site's root.
      const base = new URL(`http://site.invalid/${page}`);
      let u;
      try {
        u = new URL(v, base);
      } catch {
        problems.push(`${where}: malformed relative URL`);
        continue;
      }
      let target = decodeURIComponent(u.pathname).replace(/^\//, '');
      if (target === '' || target.endsWith('/')) target += 'index.html';
      if (!(await fileExists(target))) {
        problems.push(`${where}: ${target} does not exist`);
        continue;
      }
      const fragment = decodeURIComponent(u.hash.replace(/^#/, ''));
      // `#topic=…` on the page itself is the state of the in-place topic filter, which
      // table.js reads (those buttons are hidden without the script), not an anchor.
      const filterState = v.startsWith('#topic=') && /^topic=[a-z0-9-]+$/.test(fragment);
      if (fragment && !(fragment.toLowerCase() === 'top') && !filterState) {
        const targetIds = ids.get(target);
        if (!targetIds) problems.push(`${where}: #${fragment} points into ${target}, which is not an HTML page`);
        else if (!targetIds.has(fragment)) problems.push(`${where}: no element with id "${fragment}" in ${target}`);
      }
    }
    t.diagnostic(`${pages.length} pages: ${internal} internal and ${external} external references checked`);
    assert.ok(pages.length > 10, `only ${pages.length} HTML pages in ${siteDir}`);
    assert.deepEqual(problems, [], `${problems.length} broken references:\n${problems.slice(0, 200).join('\n')}`);
  });
});
