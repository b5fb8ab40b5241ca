// Real-browser tests of the comparison tables as readers misread them (issue 15): the
// topic buttons on every kind of table page, the marked-changes legend and switch only
// where marks exist, the "where they differ" strip and filter. Headless Chromium through
// the shared harness (lib/harness.mjs).
//
//   node --test table.test.mjs          (TRILOGUE_BIN=path/to/trilogue to choose the binary)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  REPO,
  DOSSIER,
  startSite,
  launchBrowser,
  newPage,
  formatErrors,
  provisionIds,
  rowIds,
} from './lib/harness.mjs';

const T = { timeout: 120_000 };
const TOPIC_NAV = 'nav.topic-filter[aria-label="Filter by topic"]';

/** The rows of the comparison table that a reader sees, with their topics. */
function visibleRows(page) {
  return page.$$eval('table.comparison tbody tr[id]', (rows) =>
    rows
      .filter((r) => !r.hidden && r.getClientRects().length > 0)
      .map((r) => ({ id: r.id, topics: (r.getAttribute('data-topics') || '').split(/\s+/).filter(Boolean) })),
  );
}

/** The visible topic buttons: their topic (`""` for All), count in the label, current. */
function topicButtons(page) {
  return page.$$eval(`${TOPIC_NAV} a[data-filter-topic]`, (as) =>
    as
      .filter((a) => a.getClientRects().length > 0)
      .map((a) => ({
        topic: a.getAttribute('data-filter-topic'),
        count: Number((/\((\d+)\)\s*$/.exec(a.textContent) || [])[1]),
        current: a.getAttribute('aria-current') === 'page',
      })),
  );
}

/** Wait until the page settles after a click that may navigate or filter in place. */
async function clickTopic(page, topic) {
  // A topic page's buttons are links to the other topic pages; elsewhere the script
  // filters in place. The click waits for a navigation it starts to commit.
  await page.locator(`${TOPIC_NAV} a[data-filter-topic="${topic}"]`).first().click();
  await page.waitForLoadState('load');
  await page.waitForTimeout(100);
}

describe('comparison tables in Chromium', () => {
  let browser;
  const errors = [];
  before(async () => {
    browser = await launchBrowser();
  }, { timeout: 120_000 });
  after(async () => {
    await browser?.close().catch(() => {});
  }, { timeout: 60_000 });

  describe('csar (summary rows, topic pages, as-of pages, the provision table)', () => {
    let site;
    let context;
    before(async () => {
      site = await startSite();
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    }, { timeout: 300_000 });
    after(async () => {
      await context?.close().catch(() => {});
      await site?.close();
    }, { timeout: 60_000 });

    async function open(p, ctx = context) {
      const page = await newPage(ctx, errors);
      const res = await page.goto(site.url + p, { waitUntil: 'load' });
      assert.equal(res?.status(), 200, `${p} answered ${res?.status()}`);
      return page;
    }

    /** Every kind of table page of the dossier, found from the overview's links. */
    async function tablePages() {
      const page = await open(`/${DOSSIER}/index.html`);
      try {
        const links = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.href).pathname));
        const topic = links.find((l) => /\/topics\/[a-z0-9-]+\.html$/.test(l));
        const asOf = links.find((l) => /\/as-of\/[0-9-]+\.html$/.test(l));
        const provisions = links.find((l) => l.endsWith(`/${DOSSIER}/provisions.html`));
        assert.ok(topic && asOf && provisions, `the overview links no topic page, as-of page or provisions.html: ${[topic, asOf, provisions]}`);
        return { overview: `/${DOSSIER}/index.html`, topic, asOf, provisions };
      } finally {
        await page.close();
      }
    }

    it('topic buttons show that topic\'s rows, mark it, and "All" shows every row, on every kind of table page', T, async (t) => {
      const pages = await tablePages();
      for (const [kind, p] of Object.entries(pages)) {
        const page = await open(p);
        try {
          let buttons = await topicButtons(page);
          assert.ok(buttons.length > 1, `${kind} (${p}): no visible topic buttons`);
          const current = buttons.filter((b) => b.current).map((b) => b.topic);
          const own = kind === 'topic' ? path.basename(p, '.html') : '';
          assert.deepEqual(current, [own], `${kind} (${p}): the current button is ${JSON.stringify(current)}, not ${JSON.stringify(own)}`);
          const other = buttons.find((b) => b.topic !== '' && b.topic !== own && b.count > 0);
          assert.ok(other, `${kind} (${p}): no other topic with rows`);
          t.diagnostic(`${kind}: ${p}, clicking topic "${other.topic}" (${other.count})`);

          await clickTopic(page, other.topic);
          let shown = await visibleRows(page);
          assert.equal(shown.length, other.count, `${kind} (${p}): topic "${other.topic}" says ${other.count} rows, ${shown.length} are shown (${page.url()})`);
          assert.deepEqual(shown.filter((r) => !r.topics.includes(other.topic)).map((r) => r.id), [], `${kind}: rows without topic "${other.topic}" shown`);
          buttons = await topicButtons(page);
          assert.deepEqual(buttons.filter((b) => b.current).map((b) => b.topic), [other.topic], `${kind}: after the click the current button is not "${other.topic}"`);
          const count = (await page.textContent('#row-count').catch(() => '')) || '';
          assert.ok(count.startsWith(`${other.count} of `), `${kind}: #row-count reads ${JSON.stringify(count)}`);

          const all = buttons.find((b) => b.topic === '');
          await clickTopic(page, '');
          shown = await visibleRows(page);
          assert.equal(shown.length, all.count, `${kind} (${p}): "All (${all.count})" shows ${shown.length} rows (${page.url()})`);
          buttons = await topicButtons(page);
          assert.deepEqual(buttons.filter((b) => b.current).map((b) => b.topic), [''], `${kind}: after "All" the current button is not "All"`);
        } finally {
          await page.close();
        }
      }
    });

    it('the differ filter does not count unknown as different, and says how many are unknown', T, async () => {
      const page = await open(`/${DOSSIER}/index.html`);
      try {
        const all = await page.$$eval('table.comparison tbody tr[id]', (rs) => rs.map((r) => r.getAttribute('data-differ')));
        const yes = all.filter((d) => d === 'yes').length;
        const unknown = all.filter((d) => d === 'unknown').length;
        await page.locator('input#filter-differ').check();
        await page.waitForTimeout(100);
        const shown = await visibleRows(page);
        assert.equal(shown.length, yes, `the filter shows ${shown.length} rows, ${yes} differ`);
        const count = await page.textContent('#row-count');
        assert.ok(count.startsWith(`${yes} of ${all.length}`), `#row-count reads ${JSON.stringify(count)}`);
        if (unknown) assert.ok(count.includes(`${unknown} more`), `#row-count does not say that ${unknown} are unknown: ${JSON.stringify(count)}`);
        // The strip above the table follows the filter.
        const marks = await page.$$eval('.glance-row', (lis) => lis.filter((li) => !li.hidden).length);
        assert.equal(marks, yes, 'the "where they differ" strip does not follow the filter');
      } finally {
        await page.close();
      }
    });

    it('the "where they differ" strip reads without JavaScript and fits a phone', T, async () => {
      for (const [js, width] of [[false, 1280], [true, 390]]) {
        const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 800 } });
        const page = await open(`/${DOSSIER}/index.html`, ctx);
        try {
          const rows = await page.locator('table.comparison tbody tr[id]').count();
          const strip = await page.$$eval('.glance-row', (lis) => lis.filter((li) => li.getClientRects().length > 0).map((li) => li.textContent));
          assert.equal(strip.length, rows, `${width} px, JavaScript ${js}: the strip has ${strip.length} visible entries for ${rows} rows`);
          assert.ok(strip.every((s) => s.includes('Parliament:') && s.includes('Council:')), 'a strip entry does not name both institutions');
          const overflow = await page.$eval('.glance', (g) => g.scrollWidth - g.clientWidth);
          assert.ok(overflow <= 1, `${width} px: the strip overflows by ${overflow} px`);
        } finally {
          await page.close();
          await ctx.close();
        }
      }
    });

    it('no marks in csar (the Commission\'s text only): no legend and no switch', T, async () => {
      for (const p of [`/${DOSSIER}/text.html`, `/${DOSSIER}/provisions/article-7.html`]) {
        const page = await open(p);
        try {
          assert.equal(await page.locator('main ins, main del').count(), 0, `${p} has marks: choose another page`);
          assert.equal(await page.locator('.legend').count(), 0, `${p} shows the legend with nothing marked`);
          assert.equal(await page.locator('input#toggle-marks').count(), 0, `${p} shows the switch with nothing marked`);
        } finally {
          await page.close();
        }
      }
    });
  });

  describe('a project with marked changes (the basic fixture and its summary rows)', () => {
    let site;
    let context;
    const fixtures = path.join(REPO, 'tests', 'fixtures');
    before(async () => {
      site = await startSite({ layers: [path.join(fixtures, 'basic'), path.join(fixtures, 'rows')] });
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    }, { timeout: 300_000 });
    after(async () => {
      await context?.close().catch(() => {});
      await site?.close();
    }, { timeout: 60_000 });

    it('the legend and the switch appear exactly where <ins>/<del> marks do, and the switch works', T, async (t) => {
      const pages = ['/demo/text.html'];
      for (const id of await provisionIds(site.root, 'demo')) pages.push(`/demo/provisions/${id}.html`);
      for (const id of await rowIds(site.root, 'demo')) pages.push(`/demo/rows/${id}.html`);
      const seen = { marked: 0, plain: 0 };
      for (const p of pages) {
        const page = await newPage(context, errors);
        try {
          const res = await page.goto(site.url + p, { waitUntil: 'load' });
          assert.equal(res?.status(), 200, `${p} answered ${res?.status()}`);
          const marks = await page.locator('main ins, main del').filter({ hasNot: page.locator('.legend *') }).count();
          const legendMarks = await page.locator('.legend ins, .legend del').count();
          const legend = await page.locator('.legend').count();
          const toggle = page.locator('input#toggle-marks');
          const marked = marks - legendMarks > 0;
          seen[marked ? 'marked' : 'plain'] += 1;
          assert.equal(legend > 0, marked, `${p}: legend ${legend > 0 ? 'shown' : 'missing'} with ${marks - legendMarks} marks`);
          assert.equal(await toggle.count() > 0, marked, `${p}: switch ${marked ? 'missing' : 'shown'} with ${marks - legendMarks} marks`);
          if (marked) {
            assert.ok(await toggle.isVisible(), `${p}: the switch is not visible`);
            await toggle.uncheck();
            assert.equal(await page.evaluate(() => document.body.classList.contains('marks-off')), true, `${p}: no marks-off after unchecking`);
            await toggle.check();
            assert.equal(await page.evaluate(() => document.body.classList.contains('marks-off')), false, `${p}: marks-off after checking again`);
          }
        } finally {
          await page.close();
        }
      }
      t.diagnostic(`${seen.marked} pages with marks, ${seen.plain} without`);
      assert.ok(seen.marked > 0 && seen.plain > 0, `the fixture should give pages with and without marks: ${JSON.stringify(seen)}`);
    });
  });

  it('no console errors on any page visited', () => {
    assert.deepEqual(errors, [], `console errors:\n${formatErrors(errors)}`);
  });
});
