// --format html: the page of a batch opened in Chromium (playwright-core, as the UI smoke opens the
// workbench), with every network request refused: one summary row per file, the sort by a click,
// each report's tables as grids with the failing cells marked (the sample's five missing 总计, a
// carry-over at this year's 二). DR_BATCH_SCREENSHOT=<file> also saves a screenshot of the page
// (npm run screenshot:batch writes docs/batch-report.png).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { carryInto, chain, renderYear } from '../support/chain';

const SAMPLES = new URL('../fixtures/samples/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function htmlOf(args: string[], cwd: string): Promise<{ code: number; html: string }> {
  let html = '';
  const code = await main(['--format', 'html', ...args], {
    stdout: (s) => (html += s),
    stderr: () => {},
    cwd,
    env: { LANG: 'en_US.UTF-8' },
  });
  return { code, html };
}

test('the page is self-contained: no external resource, every text escaped', async () => {
  const d = mkdtempSync(join(tmpdir(), 'dr-html-'));
  writeFileSync(join(d, '<b>x.txt'), readFileSync(join(SAMPLES, 'xigong-2022.txt')));
  const { html } = await htmlOf(['.'], d);
  assert.ok(html.startsWith('<!doctype html>'));
  assert.doesNotMatch(html, /\s(?:src|href)="(?!#)/, 'no link or source but in-page anchors');
  assert.doesNotMatch(html, /<link|@import|url\(/);
  assert.ok(html.includes('&lt;b&gt;x.txt') && !html.includes('<b>x.txt'));
});

test('the samples and a two-year chain in Chromium: one summary row per file, sortable, the failing cells marked', {
  skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`,
}, async () => {
  const d = mkdtempSync(join(tmpdir(), 'dr-html-'));
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
  for (const f of samples) writeFileSync(join(d, f), readFileSync(join(SAMPLES, f)));
  const [y1, y2] = chain('某某区人民政府', [2022, 2023], 8);
  const carried = y2.table3.grid[y2.table3.rowIds.indexOf('二')].slice(0, 6);
  carried[2] += 3;
  carryInto(y2.table3, carried);
  writeFileSync(join(d, 'chain-2022.txt'), y1.text);
  writeFileSync(join(d, 'chain-2023.txt'), renderYear('某某区人民政府', y2, 3));
  const { html } = await htmlOf(['.'], d);
  const files = samples.length + 2;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    assert.deepEqual(requests, [], 'the page asks the network for nothing');
    const rows = page.locator('#dr-summary tbody tr');
    assert.equal(await rows.count(), files, 'one summary row per file');
    // xigong: its five missing 总计 are marked as errors in its own section
    const xi = page.locator('tr[data-file="xigong-2022.txt"]');
    assert.equal((await xi.locator('td').nth(4).textContent())?.trim(), '5');
    const index = await xi.evaluate((tr) => (tr as HTMLTableRowElement).sectionRowIndex);
    const section = page.locator(`#r${index}`);
    assert.equal(await section.locator('td.dr-cell.dr-error').count(), 5, 'the five missing 总计 marked');
    // the chain: this year's 二 / 科研机构 and 二 / 总计 are marked (carry-over, a warning)
    const ci = await page.locator('tr[data-file="chain-2023.txt"]').evaluate((tr) => (tr as HTMLTableRowElement).sectionRowIndex);
    const marked = page.locator(`#r${ci} td.dr-cell.dr-warning[data-row="二"]`);
    assert.equal(await marked.count(), 2);
    assert.deepEqual(await marked.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-col'))), ['科研机构', '总计']);
    // a click on 错误/Errors sorts by the count; a second click reverses it
    const errorsCol = async () =>
      await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLTableRowElement).cells[4].textContent)));
    await page.locator('#dr-summary th').nth(4).click();
    const asc = await errorsCol();
    assert.deepEqual(
      asc,
      [...asc].sort((a, b) => a - b),
    );
    await page.locator('#dr-summary th').nth(4).click();
    const desc = await errorsCol();
    assert.deepEqual(desc, [...asc].reverse());
    const shot = process.env.DR_BATCH_SCREENSHOT;
    if (shot) await page.screenshot({ path: shot, fullPage: false });
  } finally {
    await browser.close();
  }
});
