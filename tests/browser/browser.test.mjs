// Real-browser tests of the trilogue site (issue #6), against the DOM contract:
// headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
//
// The site under test is `trilogue serve` on a temporary copy of positions/ when the
// binary has that command; otherwise a `trilogue build` of the copy, served by a tiny
// static server. The live-reload and diagnostics tests need `serve` and fail without it.
//
//   node --test browser.test.mjs          (TRILOGUE_BIN=path/to/trilogue to choose the binary)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  REPO,
  BIN,
  DOSSIER,
  SERVE_UNAVAILABLE,
  hasServe,
  startSite,
  launchBrowser,
  newPage,
  formatErrors,
  provisionIds,
  rowIds,
  httpGet,
} from './lib/harness.mjs';
import { uniqueWord } from './lib/words.mjs';

const OVERVIEW = `/${DOSSIER}/index.html`;
// csar has summary rows: the overview shows them, and this one (a row, in rows/) is the
// page the search, live-reload and diagnostics tests use.
const SEARCH_TARGET = 'app-stores';
const TARGET_FOLDER = 'rows';
const PROVISION = `/${DOSSIER}/${TARGET_FOLDER}/${SEARCH_TARGET}.html`;
const COUNCIL = `/${DOSSIER}/council.html`;
const TEXT = `/${DOSSIER}/text.html`;
const SHOTS = path.join(REPO, 'target', 'screenshots');
const T = { timeout: 120_000 };

/** Every console error and page error of every page any test opens. */
const consoleErrors = [];

/** Rows of the comparison table: id, hidden attribute, rendered visibility, data-*. */
function rowStates(page) {
  return page.$$eval('table.comparison tbody tr[id]', (rows) =>
    rows.map((r) => ({
      id: r.id,
      hidden: r.hasAttribute('hidden'),
      visible: r.getClientRects().length > 0 && getComputedStyle(r).visibility !== 'hidden',
      topics: (r.getAttribute('data-topics') || '').split(/\s+/).filter(Boolean),
      differ: r.getAttribute('data-differ'),
    })),
  );
}

describe('the site in Chromium', () => {
  let site;
  let browser;
  let context;

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, { timeout: 300_000 });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await site?.close();
  }, { timeout: 60_000 });

  /** Open `p` in a new page; the caller closes it. */
  async function open(p, ctx = context) {
    const page = await newPage(ctx, consoleErrors);
    const res = await page.goto(site.url + p, { waitUntil: 'load' });
    assert.ok(res, `no response for ${p}`);
    assert.equal(res.status(), 200, `${p} answered ${res.status()}`);
    return page;
  }

  it('the csar overview renders one row per summary row file (else per provision file)', T, async (t) => {
    t.diagnostic(`site served by ${site.mode === 'serve' ? 'trilogue serve' : 'trilogue build + the static fallback server'} from ${BIN}`);
    const rowFiles = await rowIds(site.root);
    const ids = rowFiles.length ? rowFiles : await provisionIds(site.root);
    const page = await open(OVERVIEW);
    try {
      const rows = await rowStates(page);
      assert.equal(rows.length, ids.length, `table.comparison tbody tr[id]: ${rows.length} rows for ${ids.length} files in positions/${DOSSIER}/${rowFiles.length ? 'rows' : 'provisions'}/`);
      assert.ok(rows.every((r) => r.visible), 'every row is visible before any filter');
    } finally {
      await page.close();
    }
  });

  it('the topic filter hides rows without the topic, without navigating', T, async () => {
    const page = await open(OVERVIEW);
    try {
      const links = await page.$$eval('nav.topic-filter a[data-filter-topic]', (as) => as.map((a) => a.getAttribute('data-filter-topic')));
      assert.ok(links.length > 0, 'nav.topic-filter has no a[data-filter-topic] links');
      const rows = await rowStates(page);
      // A topic that some rows have and some do not, so that the filter must hide rows.
      const topic = links.find((id) => rows.some((r) => r.topics.includes(id)) && rows.some((r) => !r.topics.includes(id)));
      assert.ok(topic, `no topic link among [${links.join(', ')}] splits the rows (data-topics: ${JSON.stringify(rows.map((r) => r.topics))})`);

      await page.evaluate(() => { window.__sameDocument = true; });
      const before = new URL(page.url());
      await page.click(`nav.topic-filter a[data-filter-topic="${topic}"]`);
      await page
        .waitForFunction(
          (id) => [...document.querySelectorAll('table.comparison tbody tr[id]')].every((r) =>
            (r.getAttribute('data-topics') || '').split(/\s+/).includes(id) ? !r.hasAttribute('hidden') : r.hasAttribute('hidden')),
          topic,
          { timeout: 5_000 },
        )
        .catch(() => {});
      const after = new URL(page.url());
      assert.equal(await page.evaluate(() => window.__sameDocument === true), true, `clicking the topic link "${topic}" loaded a new page (${after.href})`);
      assert.equal(after.pathname, before.pathname, 'the path changed after clicking a topic link');
      assert.equal(decodeURIComponent(after.hash), `#topic=${topic}`, 'URL hash after clicking the topic link');

      const states = await rowStates(page);
      const wrongHidden = states.filter((r) => r.topics.includes(topic) && (r.hidden || !r.visible)).map((r) => r.id);
      const wrongShown = states.filter((r) => !r.topics.includes(topic) && !r.hidden).map((r) => r.id);
      assert.deepEqual(wrongShown, [], `rows without topic "${topic}" lack the hidden attribute`);
      assert.deepEqual(wrongHidden, [], `rows with topic "${topic}" are hidden`);
      assert.ok(states.filter((r) => !r.topics.includes(topic)).every((r) => !r.visible), 'rows with the hidden attribute are still rendered');
    } finally {
      await page.close();
    }
  });

  it('without JavaScript a topic link opens that topic\'s page', T, async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await open(OVERVIEW, noJs);
    try {
      const topics = await page.$$eval('nav.topic-filter a[data-filter-topic]', (as) => as.map((a) => a.getAttribute('data-filter-topic')));
      const topic = topics.find((x) => x !== '');
      assert.ok(topic, 'nav.topic-filter has no a[data-filter-topic] links');
      await Promise.all([page.waitForEvent('load'), page.click(`nav.topic-filter a[data-filter-topic="${topic}"]`)]);
      assert.notEqual(new URL(page.url()).pathname, OVERVIEW, `without JavaScript the link to topic "${topic}" does not leave the overview`);
      const rows = await rowStates(page);
      assert.ok(rows.length > 0, `the page for topic "${topic}" (${page.url()}) has no rows`);
      assert.deepEqual(rows.filter((r) => !r.topics.includes(topic)).map((r) => r.id), [], `rows without topic "${topic}" on its page`);
    } finally {
      await page.close();
      await noJs.close();
    }
  });

  it('the "where Parliament and Council differ" filter hides the other rows', T, async () => {
    const page = await open(OVERVIEW);
    try {
      const box = page.locator('input#filter-differ');
      assert.equal(await box.count(), 1, 'input#filter-differ is missing');
      assert.equal(await box.getAttribute('type'), 'checkbox', 'input#filter-differ is not a checkbox');
      const rows = await rowStates(page);
      const yes = rows.filter((r) => r.differ === 'yes').map((r) => r.id);
      assert.ok(rows.every((r) => ['yes', 'no', 'unknown'].includes(r.differ)), `data-differ must be yes|no|unknown: ${JSON.stringify(rows.map((r) => [r.id, r.differ]))}`);
      assert.ok(yes.length > 0 && yes.length < rows.length, `the real data should have rows where they differ and rows where not (yes: ${yes.length} of ${rows.length})`);

      await box.check();
      await page
        .waitForFunction(() => [...document.querySelectorAll('table.comparison tbody tr[id]')].every((r) =>
          (r.getAttribute('data-differ') === 'yes') !== r.hasAttribute('hidden')), null, { timeout: 5_000 })
        .catch(() => {});
      let states = await rowStates(page);
      assert.deepEqual(states.filter((r) => r.differ !== 'yes' && !r.hidden).map((r) => r.id), [], 'rows whose data-differ is not "yes" stay without hidden when the filter is on');
      assert.deepEqual(states.filter((r) => r.differ === 'yes' && (r.hidden || !r.visible)).map((r) => r.id), [], 'rows where Parliament and Council differ are hidden');

      await box.uncheck();
      await page
        .waitForFunction(() => [...document.querySelectorAll('table.comparison tbody tr[id]')].every((r) => !r.hasAttribute('hidden')), null, { timeout: 5_000 })
        .catch(() => {});
      states = await rowStates(page);
      assert.deepEqual(states.filter((r) => r.hidden).map((r) => r.id), [], 'rows still hidden after unchecking the filter');
    } finally {
      await page.close();
    }
  });

  it('the column chooser hides and shows a column', T, async () => {
    const page = await open(OVERVIEW);
    try {
      const columns = await page.$$eval('input[data-toggle-column]', (is) => is.map((i) => i.getAttribute('data-toggle-column')));
      assert.ok(columns.includes('parliament'), `no input[data-toggle-column="parliament"] (found: [${columns.join(', ')}])`);
      const cells = page.locator('table.comparison td[data-institution="parliament"]');
      const n = await cells.count();
      assert.ok(n > 0, 'no parliament cells (td[data-institution="parliament"]) in the table');
      const visibleCount = () => page.$$eval('table.comparison td[data-institution="parliament"]', (tds) => tds.filter((td) => td.getClientRects().length > 0).length);
      assert.equal(await visibleCount(), n, 'parliament cells visible at first');
      await page.locator('input[data-toggle-column="parliament"]').uncheck();
      await page.waitForFunction(() => [...document.querySelectorAll('table.comparison td[data-institution="parliament"]')].every((td) => td.getClientRects().length === 0), null, { timeout: 5_000 }).catch(() => {});
      assert.equal(await visibleCount(), 0, 'parliament cells still shown after unchecking input[data-toggle-column="parliament"]');
      await page.locator('input[data-toggle-column="parliament"]').check();
      await page.waitForFunction((k) => [...document.querySelectorAll('table.comparison td[data-institution="parliament"]')].filter((td) => td.getClientRects().length > 0).length === k, n, { timeout: 5_000 }).catch(() => {});
      assert.equal(await visibleCount(), n, 'parliament cells shown again after checking it again');
    } finally {
      await page.close();
    }
  });

  // The marked-changes switch is tested in table.test.mjs, on a project that has marks
  // (csar has the Commission's text only, so its pages show no marks and no switch).

  it('every row has a permalink and a copy button that copies it', T, async () => {
    const copyContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await copyContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await open(OVERVIEW, copyContext);
    try {
      await page.waitForSelector('table.comparison tbody tr[id] button.copy-link', { timeout: 5_000 }).catch(() => {});
      const rows = await page.$$eval('table.comparison tbody tr[id]', (trs) =>
        trs.map((r) => ({ id: r.id, permalink: r.querySelector('a.permalink')?.getAttribute('href') ?? null, copy: !!r.querySelector('button.copy-link') })));
      assert.ok(rows.length > 0, 'no rows');
      assert.deepEqual(rows.filter((r) => r.permalink === null).map((r) => r.id), [], 'rows without a.permalink');
      for (const r of rows) {
        assert.equal(new URL(r.permalink, page.url()).hash, `#${r.id}`, `a.permalink of row ${r.id} points elsewhere (${r.permalink})`);
      }
      assert.deepEqual(rows.filter((r) => !r.copy).map((r) => r.id), [], 'rows without button.copy-link');
      const first = rows[0].id;
      await page.click(`table.comparison tbody tr[id="${first}"] button.copy-link`);
      let copied = '';
      for (let i = 0; i < 25 && !copied.endsWith(`#${first}`); i++) {
        copied = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `(clipboard unreadable: ${e})`);
        if (!copied.endsWith(`#${first}`)) await page.waitForTimeout(200);
      }
      assert.ok(copied.endsWith(`#${first}`), `button.copy-link of row ${first} copied ${JSON.stringify(copied)}, not its permalink`);
      assert.equal(new URL(copied, page.url()).pathname, new URL(page.url()).pathname, 'the copied permalink is not of this page');
    } finally {
      await page.close();
      await copyContext.close();
    }
  });

  it('search finds a provision by a word of its text', T, async (t) => {
    const { word, ref } = await uniqueWord(site.root, DOSSIER, SEARCH_TARGET, TARGET_FOLDER);
    t.diagnostic(`searching for "${word}", a word found only in the text or summary of ${SEARCH_TARGET} (${ref})`);
    const page = await open(OVERVIEW);
    try {
      const input = page.locator('form[role=search] input#search-input');
      assert.equal(await input.count(), 1, 'form[role=search] input#search-input is missing');
      assert.equal(await input.getAttribute('type'), 'search', 'input#search-input is not type=search');
      await input.click();
      await input.pressSequentially(word, { delay: 20 });
      await page.waitForSelector('#search-results .search-result a', { timeout: 15_000 }).catch(() => {});
      // Results may first show for a prefix typed so far: wait for the full word's results.
      await page
        .waitForFunction(
          (target) => [...document.querySelectorAll('#search-results .search-result a')].some((a) => new URL(a.href).pathname === target),
          PROVISION,
          { timeout: 15_000 },
        )
        .catch(() => {});
      const results = await page.$$eval('#search-results .search-result', (rs) =>
        rs.map((r) => ({
          href: r.querySelector('a')?.href ?? null,
          ref: r.querySelector('.search-result-ref')?.textContent.trim() ?? null,
          institution: r.querySelector('.search-result-institution')?.textContent.trim() ?? null,
          excerpt: r.querySelector('.search-result-excerpt')?.textContent.trim() ?? null,
        })),
      );
      assert.ok(results.length > 0, `no #search-results .search-result after typing "${word}" into input#search-input`);
      const hit = results.find((r) => r.href && new URL(r.href).pathname === PROVISION);
      assert.ok(hit, `no result links to ${PROVISION}; results: ${JSON.stringify(results, null, 1)}`);
      assert.ok(hit.ref && hit.ref.includes(ref), `the result's .search-result-ref is ${JSON.stringify(hit.ref)}, expected the provision ref "${ref}"`);
      assert.ok(hit.excerpt, `the result has no .search-result-excerpt snippet: ${JSON.stringify(hit)}`);
      assert.ok(hit.excerpt.toLowerCase().includes(word.toLowerCase()), `the snippet does not show "${word}": ${JSON.stringify(hit.excerpt)}`);
    } finally {
      await page.close();
    }
  });

  let visited = [];

  it('every page reachable from the home page loads, has the search form and only /assets/ scripts', { timeout: 300_000 }, async (t) => {
    const page = await newPage(context, consoleErrors);
    const problems = [];
    try {
      const queue = ['/'];
      const seen = new Set(queue);
      while (queue.length && visited.length < 400) {
        const p = queue.shift();
        const res = await page.goto(site.url + p, { waitUntil: 'load' });
        visited.push(p);
        if (!res || res.status() !== 200) {
          problems.push(`${p}: status ${res ? res.status() : 'none'}`);
          continue;
        }
        if (!(res.headers()['content-type'] || '').includes('text/html')) continue;
        const facts = await page.evaluate(() => ({
          search: !!document.querySelector('form[role=search] input#search-input[type=search]'),
          results: !!document.querySelector('#search-results'),
          scripts: [...document.scripts].map((s) => ({ src: s.src, type: s.type, inline: !s.src && s.textContent.trim() !== '' })),
          links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
        }));
        if (!facts.search) problems.push(`${p}: no form[role=search] with input#search-input[type=search]`);
        if (!facts.results) problems.push(`${p}: no #search-results`);
        for (const s of facts.scripts) {
          const dataBlock = s.type && !/^(module|text\/javascript|application\/javascript)$/i.test(s.type);
          if (s.inline && !dataBlock) problems.push(`${p}: inline script`);
          if (s.src) {
            const u = new URL(s.src);
            if (u.origin !== site.url) problems.push(`${p}: script from elsewhere: ${s.src}`);
            else if (!/^\/(assets\/[^/]+\.m?js|_trilogue\/livereload\.js)$/.test(u.pathname)) problems.push(`${p}: script outside /assets/: ${u.pathname}`);
          }
        }
        for (const href of facts.links) {
          const u = new URL(href);
          if (u.origin !== site.url) continue;
          let target = u.pathname;
          if (target.endsWith('/')) target += 'index.html';
          if (!target.endsWith('.html') || seen.has(target)) continue;
          seen.add(target);
          queue.push(target);
        }
      }
    } finally {
      await page.close();
    }
    t.diagnostic(`${visited.length} pages visited`);
    assert.ok(visited.length > 10, `only ${visited.length} pages reachable from /`);
    assert.deepEqual(problems, [], `page problems:\n${problems.join('\n')}`);
  });

  it('screenshots of the overview, a provision and the Council page at 1280 px and 390 px', { timeout: 180_000 }, async (t) => {
    await fs.mkdir(SHOTS, { recursive: true });
    const written = [];
    for (const width of [1280, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: width > 600 ? 900 : 844 } });
      try {
        for (const [name, p] of [['overview', OVERVIEW], ['provision', PROVISION], ['council', COUNCIL]]) {
          const page = await open(p, ctx);
          try {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 1) t.diagnostic(`${p} at ${width} px scrolls sideways by ${overflow} px`);
            const file = path.join(SHOTS, `${name}-${width}.png`);
            await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
            written.push(file);
          } finally {
            await page.close();
          }
        }
      } finally {
        await ctx.close();
      }
    }
    for (const f of written) {
      const head = (await fs.readFile(f)).subarray(0, 8);
      assert.equal(head.toString('hex'), '89504e470d0a1a0a', `${f} is not a PNG`);
    }
    assert.equal(written.length, 6);
    t.diagnostic(`screenshots in ${path.relative(REPO, SHOTS)}/`);
  });

  it('no console errors on any page visited', async () => {
    assert.deepEqual(consoleErrors, [], `console errors:\n${formatErrors(consoleErrors)}`);
  });
});

describe('trilogue serve', () => {
  let browser;
  const errors = [];

  before(async () => {
    browser = await launchBrowser();
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close().catch(() => {});
  }, { timeout: 60_000 });

  /** A fresh `trilogue serve` on its own copy of positions/, or a clear failure. */
  async function serve() {
    if (!(await hasServe())) assert.fail(`${SERVE_UNAVAILABLE}: \`${BIN} --help\` lists no serve command`);
    return startSite({ requireServe: true });
  }

  /** Replace `from` by `to` in the target record (a summary row) of the served project. */
  async function edit(root, id, from, to) {
    const file = path.join(root, 'positions', DOSSIER, TARGET_FOLDER, `${id}.yaml`);
    const yaml = await fs.readFile(file, 'utf8');
    assert.ok(yaml.includes(from), `${id}.yaml does not contain ${JSON.stringify(from)}`);
    await fs.writeFile(file, yaml.replace(from, to));
  }

  /** Open a page and wait until its live-reload event stream is connected. */
  async function openLive(site, p) {
    const page = await newPage(await browser.newContext(), errors);
    const events = page.waitForResponse((r) => new URL(r.url()).pathname === '/_trilogue/events', { timeout: 15_000 });
    const res = await page.goto(site.url + p, { waitUntil: 'load' });
    assert.equal(res.status(), 200, `${p} answered ${res.status()}`);
    const script = await page.$$eval('script[src]', (ss) => ss.map((s) => new URL(s.src).pathname));
    assert.ok(script.includes('/_trilogue/livereload.js'), `serve did not inject <script src="/_trilogue/livereload.js"> into ${p} (scripts: ${script.join(', ')})`);
    const r = await events.catch(() => null);
    assert.ok(r, `${p} did not connect to /_trilogue/events within 15 s`);
    assert.match(r.headers()['content-type'] || '', /text\/event-stream/, '/_trilogue/events is not text/event-stream');
    return page;
  }

  it('live reload shows an edited summary without reloading by hand', T, async (t) => {
    const site = await serve();
    let page;
    try {
      const yaml = await fs.readFile(path.join(site.root, 'positions', DOSSIER, TARGET_FOLDER, `${SEARCH_TARGET}.yaml`), 'utf8');
      // A summary is a plain string, or a language map whose main-language entry is edited.
      const found = yaml.match(/^\s+summary: (.+)$/m) ?? yaml.match(/^\s+summary:\n\s+en: (.+)$/m);
      assert.ok(found, `${SEARCH_TARGET}.yaml has no summary to edit`);
      const [line, old] = found;
      const key = line.includes('\n') ? 'en' : 'summary';
      const marker = `Live reload check ${process.pid} ${Date.now().toString(36)} summary`;
      page = await openLive(site, PROVISION);
      assert.ok((await page.textContent('body')).includes(old), `the provision page does not show the summary ${JSON.stringify(old)} before the edit`);
      await edit(site.root, SEARCH_TARGET, `${key}: ${old}`, `${key}: ${marker}`);
      await page.locator('body', { hasText: marker }).waitFor({ timeout: 10_000 }).catch(() => {});
      assert.ok((await page.textContent('body')).includes(marker), `the page did not show the new summary within 10 s of the edit\n${site.output()}`);
    } finally {
      await page?.context().close();
      await site.close();
    }
  });

  it('invalid data: the page shows the diagnostics and the last good build stays served', T, async () => {
    const site = await serve();
    let page;
    try {
      const ids = (await rowIds(site.root)).length ? await rowIds(site.root) : await provisionIds(site.root);
      page = await openLive(site, PROVISION);
      const title = (await page.textContent('h1')).trim();
      const yaml = await fs.readFile(path.join(site.root, 'positions', DOSSIER, TARGET_FOLDER, `${SEARCH_TARGET}.yaml`), 'utf8');
      const source = yaml.match(/^\s+source: ([a-z0-9-]+)\s*$/m)[1];
      await edit(site.root, SEARCH_TARGET, `source: ${source}\n`, 'source: no-such-source-e0003\n');

      const banner = page.locator('#trilogue-errors', { hasText: 'E0003' });
      await banner.first().waitFor({ timeout: 10_000 }).catch(() => {});
      assert.ok((await banner.count()) > 0, `no #trilogue-errors with E0003 on the open page within 10 s of writing an unknown source id\n${site.output()}`);

      // A fresh load: still the last good build, with the banner injected.
      for (const p of [PROVISION, OVERVIEW]) {
        const fresh = await newPage(page.context(), errors);
        try {
          const res = await fresh.goto(site.url + p, { waitUntil: 'load' });
          assert.equal(res.status(), 200, `${p} answered ${res.status()} while the data is invalid`);
          assert.match((await fresh.textContent('#trilogue-errors').catch(() => '')) || '', /E0003/, `${p} loaded afresh has no #trilogue-errors with E0003`);
          if (p === PROVISION) assert.equal((await fresh.textContent('h1')).trim(), title, `${p} is not the last good build`);
          else assert.equal(await fresh.locator('table.comparison tbody tr[id]').count(), ids.length, `${p} lost rows: not the last good build`);
        } finally {
          await fresh.close();
        }
      }

      // Fixed again: the banner goes.
      await edit(site.root, SEARCH_TARGET, 'source: no-such-source-e0003\n', `source: ${source}\n`);
      await page.locator('#trilogue-errors').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
      assert.equal(await page.locator('#trilogue-errors').count(), 0, `#trilogue-errors still shown 10 s after the data was fixed\n${site.output()}`);
    } finally {
      await page?.context().close();
      await site.close();
    }
  });

  it('no console errors on the served pages', async () => {
    assert.deepEqual(errors, [], `console errors:\n${formatErrors(errors)}`);
  });
});
