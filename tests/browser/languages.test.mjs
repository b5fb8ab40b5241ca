// Real-browser tests of the site in several languages (issue 16): the language switch lands
// on the same page in the other language, and the search of a French page searches the
// French index. Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// as browser.test.mjs; the site is the repository's positions/, where csar is published in
// English, French and German.
//
//   node --test languages.test.mjs      (TRILOGUE_BIN=path/to/trilogue to choose the binary)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO, DOSSIER, startSite, launchBrowser, newPage, formatErrors } from './lib/harness.mjs';

const T = { timeout: 120_000 };
const SHOTS = path.join(REPO, 'target', 'screenshots');
const consoleErrors = [];

describe('the site in several languages', () => {
  let site;
  let browser;
  let desktop;

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, { timeout: 300_000 });

  after(async () => {
    await desktop?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await site?.close();
  }, { timeout: 60_000 });

  async function open(p) {
    const page = await newPage(desktop, consoleErrors);
    const res = await page.goto(site.url + p, { waitUntil: 'load' });
    assert.ok(res, `no response for ${p}`);
    assert.equal(res.status(), 200, `${p} answered ${res.status()}`);
    return page;
  }

  const lang = (page) => page.evaluate(() => document.documentElement.lang);

  it('the language switch lands on the same page in the other language, and back', T, async () => {
    for (const p of [`/${DOSSIER}/provisions/article-7.html`, `/${DOSSIER}/council.html`, `/${DOSSIER}/index.html`, '/index.html']) {
      const page = await open(p);
      try {
        assert.equal(await lang(page), 'en');
        await page.click('nav.lang-switch a[hreflang=fr]');
        await page.waitForURL((u) => u.pathname === `/fr${p}`);
        assert.equal(await lang(page), 'fr', `${p} in French`);
        assert.equal(await page.getAttribute('nav.lang-switch a[aria-current=page]', 'hreflang'), 'fr');
        await page.click('nav.lang-switch a[hreflang=de]');
        await page.waitForURL((u) => u.pathname === `/de${p}`);
        assert.equal(await lang(page), 'de', `${p} in German`);
        await page.click('nav.lang-switch a[hreflang=en]');
        await page.waitForURL((u) => u.pathname === p);
        assert.equal(await lang(page), 'en');
      } finally {
        await page.close();
      }
    }
  });

  it('the French overview reads French, and prose without a translation is marked', T, async () => {
    const page = await open(`/fr/${DOSSIER}/index.html`);
    try {
      const statuses = await page.$$eval('td .status', (ps) => ps.map((p) => p.textContent.trim()));
      assert.ok(statuses.includes('Aucune modification par rapport à la proposition de la Commission'), `statuses: ${[...new Set(statuses)].slice(0, 8)}`);
      const notes = await page.$$eval('.fallback-note', (ns) => ns.map((n) => [n.textContent, n.lang, n.closest('[lang]:not(.fallback-note)')?.lang]));
      for (const [text, own, around] of notes) {
        assert.equal(text, '(en anglais)');
        assert.equal(own, 'fr');
        assert.equal(around, 'en');
      }
      await fs.mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, 'languages-overview-fr-1280.png'), timeout: 30_000 });
    } finally {
      await page.close();
    }
  });

  it('a French page searches the French index and finds French pages', T, async () => {
    const page = await open(`/fr/${DOSSIER}/index.html`);
    try {
      const input = page.locator('form[role=search] input#search-input');
      assert.equal(await input.getAttribute('placeholder'), 'Rechercher des dispositions, des textes, des événements');
      await input.click();
      // The French name of a member state, which only the French index holds.
      await input.pressSequentially('Allemagne', { delay: 15 });
      const target = `/fr/${DOSSIER}/council.html`;
      await page
        .waitForFunction(
          (t) => [...document.querySelectorAll('#search-results .search-result a')].some((a) => new URL(a.href).pathname === t),
          target,
          { timeout: 15_000 },
        )
        .catch(() => {});
      const hrefs = await page.$$eval('#search-results .search-result > a', (as) => as.map((a) => new URL(a.href).pathname));
      assert.ok(hrefs.includes(target), `"Allemagne" finds no French Council page: ${hrefs}`);
      assert.ok(hrefs.every((h) => h.startsWith('/fr/')), `results outside the French site: ${hrefs}`);
      // And an English page does not find the French name.
      const en = await open(`/${DOSSIER}/index.html`);
      try {
        const box = en.locator('form[role=search] input#search-input');
        await box.click();
        await box.pressSequentially('Allemagne', { delay: 15 });
        await en.waitForSelector('#search-results .search-none, #search-results .search-result', { timeout: 15_000 });
        const found = await en.$$eval('#search-results .search-result > a', (as) => as.map((a) => new URL(a.href).pathname));
        assert.ok(found.every((h) => !h.startsWith('/fr/')), `an English page finds French pages: ${found}`);
      } finally {
        await en.close();
      }
    } finally {
      await page.close();
    }
  });

  it('no page logged a console error', () => {
    assert.equal(consoleErrors.length, 0, `console errors:\n${formatErrors(consoleErrors)}`);
  });
});
