#!/usr/bin/env node
// @ts-check
// `npm run test:ui`: a user's-eye smoke test of the packaged extension in a real VS Code (code-server
// 4.139.1 = VS Code 1.139.1, workbench in Debian's Chromium): package the .vsix, install it, open
// the sample from the Explorer, see the squiggles and the Problems rows, hover a 总计 cell, run
// "Disclosure Report: Recalculate Totals" from the command palette, save, check the saved text; the
// table view beside the report ("Disclosure Report: Open Table View"), before and after; a PDF
// opened with "Open as Disclosure Report" from the Explorer's context menu.
// Saves docs/squiggles.png, docs/hover.png, docs/table-view.png and docs/pdf-report.png (the README shows them).
//
// Usage: node scripts/ui-smoke.mjs [--no-screenshots] [--verbose]
//   env: VSCODE_TEST_PORT (default: a free port), CHROMIUM_PATH
// Last line: "ui: N passed, N failed". Exit: 0 passed, 1 a check failed, 2 infrastructure error.
// Relies on workbench CSS classes (.squiggly-error, .markers-panel, .monaco-hover, .quick-input-widget)
// that may change between VS Code versions: a failure here can be the selectors, see the screenshot.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createRunner,
  ensureInstalled,
  freePort,
  launchChromium,
  ROOT,
  startCodeServer,
  testWorkspace,
  WORKSPACE,
} from './code-server.mjs';

process.chdir(ROOT);
const REPORT = WORKSPACE.report.name;
const PDF = WORKSPACE.pdf.name;
/** a copy of the PDF under a report's name: offered as a report when opened */
const OFFERED = '某区2021年政府信息公开工作年度报告.pdf';
const screenshots = !process.argv.includes('--no-screenshots');
const verbose = process.argv.includes('--verbose');
const run = createRunner('ui');
const { finish, elapsed } = run;

/** What the report must read after Recalculate Totals + save: the five rows gain "\t<row sum>". */
function expectedAfterRecalculation(text) {
  const rows = [
    /^一、本年新收政府信息公开申请数量/,
    /^二、上年结转政府信息公开申请数量/,
    /[(（]一[)）]\s*予以公开/,
    /[(（]二[)）]\s*部分公开/,
    /[(（]三[)）]\s*不予\t/,
  ];
  const lines = text.split('\n');
  for (const re of rows) {
    const i = lines.findIndex((l) => re.test(l));
    if (i < 0) throw new Error(`sample has no line matching ${re}`);
    const sum = lines[i]
      .split('\t')
      .filter((c) => /^\d+$/.test(c.trim()))
      .reduce((s, c) => s + Number(c), 0);
    lines[i] = `${lines[i]}\t${sum}`;
  }
  return lines.join('\n');
}

if (!ensureInstalled()) finish(2, 'could not install the VS Code server (scripts/install-vscode.sh failed)');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-ui-'));
const vsix = path.join(tmp, 'disclosure-report.vsix');
const pack = spawnSync('node', [path.join(ROOT, 'scripts/package.mjs'), '--out', vsix], { encoding: 'utf8' });
if (pack.status !== 0) {
  process.stderr.write(pack.stdout + pack.stderr);
  finish(1, 'packaging the .vsix failed');
}
console.log(`[ui] ${pack.stdout.split('\n')[0]}`);

const workspace = testWorkspace('dr-ui-ws-');
const reportPath = path.join(workspace, REPORT);
const original = fs.readFileSync(reportPath, 'utf8');
const port = await freePort(process.env.VSCODE_TEST_PORT);
const server = await startCodeServer({
  port,
  folder: workspace,
  vsix,
  log: verbose,
  settings: {
    'workbench.colorTheme': 'Default Light Modern',
    // full-width punctuation is everywhere in these reports: no boxes around it in the screenshots
    'editor.unicodeHighlight.ambiguousCharacters': false,
    'editor.minimap.enabled': false,
  },
}).catch((err) => finish(2, `VS Code (code-server) could not be started on 127.0.0.1:${port}: ${err.message}`));
console.log(`[ui] .vsix installed; code-server ${server.base} up after ${server.seconds.toFixed(1)}s`);

let browser;
let page;
let exitCode = 2;
let why;
try {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const palette = async (text) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10000 });
    await page.keyboard.type(text);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
  };

  // the table view's page: VS Code nests a webview's content in an inner frame of its iframe
  const tableView = () => page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');

  /** @type {[string, () => Promise<void>][]} */
  const checks = [
    [
      'the workbench loads',
      async () => {
        await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30000 });
      },
    ],
    [
      `${REPORT} opens from the Explorer in the Disclosure Report language`,
      async () => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }).click({ timeout: 30000 });
        await page.locator('.tab', { hasText: REPORT }).waitFor({ timeout: 10000 });
        await page.locator('.statusbar-item', { hasText: 'Disclosure Report' }).first().waitFor({ timeout: 15000 });
      },
    ],
    [
      'error squiggles appear and the Problems panel lists the five missing-cell rows',
      async () => {
        // bring the table 三 rows into view, then open the Problems panel
        await palette('Go to Line/Column');
        await page.keyboard.type('43');
        await page.keyboard.press('Enter');
        await editor.locator('.squiggly-error').nth(4).waitFor({ timeout: 20000 });
        await page.keyboard.press('Control+Shift+M');
        const rows = page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-cell' });
        await rows.nth(4).waitFor({ timeout: 10000 });
        const count = await rows.count();
        if (count !== 5) throw new Error(`expected 5 missing-cell rows in the Problems panel, found ${count}`);
        const squiggles = await editor.locator('.squiggly-error').count();
        if (squiggles < 5) throw new Error(`expected 5 error squiggles in view, found ${squiggles}`);
        if (screenshots) await page.screenshot({ path: 'docs/squiggles.png' });
      },
    ],
    [
      'hovering the 总计 cell of （七）总计 shows its sum written out',
      async () => {
        await page.keyboard.press('Control+Shift+M'); // close the panel again: room for the hover
        await page.locator('.view-lines').first().click();
        await palette('Go to Line/Column');
        await page.keyboard.type('65');
        await page.keyboard.press('Enter');
        // the middle of the last "12" on the （七）总计 line, measured in the rendered text
        const box = await page.evaluate(() => {
          const lines = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line'));
          const line = lines.find((l) => /[(（]七[)）]/.test(l.textContent ?? '') && (l.textContent ?? '').includes('总计'));
          if (!line) return null;
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let last = null;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = (n.textContent ?? '').lastIndexOf('12');
            if (i >= 0) last = { n, i };
          }
          if (!last) return null;
          const r = document.createRange();
          r.setStart(last.n, last.i);
          r.setEnd(last.n, last.i + 2);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        });
        if (!box) throw new Error('the （七）总计 line with its 12 is not on screen');
        // jump straight onto the cell from outside the editor: a mouse path across the row would let a
        // loaded machine show the hover of a cell on the way (the 0 left of it) and keep it
        const sum = /\d+(\s*\+\s*\d+)+\s*=\s*12\b/;
        let text = '';
        for (let attempt = 0; attempt < 3 && !sum.test(text); attempt++) {
          await page.mouse.move(5, 5);
          await page.keyboard.press('Escape');
          await page.mouse.move(box.x, box.y);
          const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '=' });
          await hover.first().waitFor({ timeout: 10000 });
          text = (await hover.first().textContent()) ?? '';
        }
        if (!sum.test(text)) throw new Error(`hover does not write out the sum: ${text.slice(0, 200)}`);
        if (screenshots) await page.screenshot({ path: 'docs/hover.png' });
        await page.keyboard.press('Escape');
      },
    ],
    [
      '"Disclosure Report: Open Table View" draws the tables beside the report, the five missing 总计 cells marked',
      async () => {
        await page.locator('.view-lines').first().click();
        // the cursor on the last of the five rows without a 总计: the view scrolls to it and highlights it
        await palette('Go to Line/Column');
        await page.keyboard.type('45');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+B'); // the side bar away: room for the view
        await palette('Disclosure Report: Open Table View');
        await page.locator('.tab', { hasText: /Tables: / }).waitFor({ timeout: 10000 });
        const marked = tableView().locator('td.dr-cell.dr-error[data-col="总计"]');
        await marked.nth(4).waitFor({ timeout: 20000 });
        const count = await tableView().locator('td.dr-cell.dr-error').count();
        if (count !== 5) throw new Error(`expected 5 marked cells in the table view, found ${count}`);
        const status = await tableView().locator('.dr-status').textContent();
        if (!/5 errors/.test(status)) throw new Error(`the view's status does not count the 5 errors: ${status}`);
        await tableView().locator('tr.dr-active-row, td.dr-active').first().waitFor({ timeout: 10000 });
        if (screenshots) await page.screenshot({ path: 'docs/table-view.png' });
      },
    ],
    [
      '"Disclosure Report: Recalculate Totals" from the command palette clears the squiggles',
      async () => {
        await page.mouse.move(5, 400);
        await palette('Disclosure Report: Recalculate Totals');
        // the report becomes dirty, and the finding count in the status bar drops from the five
        // errors and the prose's narrative-mismatch warning (10 vs 12, which no fix touches) to that one
        await page.locator('.tab.dirty', { hasText: REPORT }).waitFor({ timeout: 15000 });
        await page.locator('.statusbar-item', { hasText: /6 report findings/ }).waitFor({ state: 'detached', timeout: 15000 });
        await palette('Go to Line/Column');
        await page.keyboard.type('43');
        await page.keyboard.press('Enter');
        await page.locator('.view-lines .view-line', { hasText: '本年新收政府信息公开申请数量' }).waitFor({ timeout: 5000 });
        const squiggles = await editor.locator('.squiggly-error').count();
        if (squiggles) throw new Error(`${squiggles} error squiggles left`);
      },
    ],
    [
      'the table view follows the edit: the five totals drawn, no cell marked',
      async () => {
        await tableView().locator('td.dr-cell.dr-error').first().waitFor({ state: 'detached', timeout: 15000 });
        const totals = await tableView().locator('tr.dr-row[data-row="一"] td[data-col="总计"]').textContent();
        if (totals.trim() !== '12') throw new Error(`row 一's 总计 in the view reads ${JSON.stringify(totals)}, expected 12`);
      },
    ],
    [
      'saving writes the five totals and nothing else',
      async () => {
        await page.keyboard.press('Control+S');
        await page.locator('.tab.dirty', { hasText: REPORT }).waitFor({ state: 'detached', timeout: 10000 });
        const saved = fs.readFileSync(reportPath, 'utf8');
        const expected = expectedAfterRecalculation(original);
        if (saved !== expected) {
          const a = saved.split('\n');
          const b = expected.split('\n');
          const i = a.findIndex((l, k) => l !== b[k]);
          throw new Error(`saved text differs at line ${i + 1}: ${JSON.stringify(a[i])} vs expected ${JSON.stringify(b[i])}`);
        }
      },
    ],
    [
      `"Open as Disclosure Report" from the Explorer's context menu shows ${PDF} as a report: squiggles, its findings under its name`,
      async () => {
        await palette('View: Close All Editors');
        await page.keyboard.press('Control+B'); // the side bar back
        const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: PDF });
        await row.click({ button: 'right', timeout: 15000 });
        const item = page.locator('.monaco-menu .action-item', { hasText: 'Open as Disclosure Report' }).first();
        await item.click({ timeout: 10000 });
        // a click while the menu is still settling can leave it open with the item only highlighted
        // (seen once in a fresh-clone CI run): the keyboard then chooses the highlighted item
        const closed = await item
          .waitFor({ state: 'hidden', timeout: 3000 })
          .then(() => true)
          .catch(() => false);
        if (!closed) {
          await item.hover({ timeout: 3000 });
          await page.keyboard.press('Enter');
        }
        await page.locator('.tab', { hasText: PDF }).waitFor({ timeout: 20000 });
        // the planted wrong total of table 三 (row-total) and the column total it breaks (column-total)
        await palette('Go to Line/Column');
        await page.keyboard.type('28');
        await page.keyboard.press('Enter');
        await editor.locator('.squiggly-error').first().waitFor({ timeout: 30000 });
        await page.keyboard.press('Control+Shift+M');
        const file = page.locator('.markers-panel .monaco-list-row', { hasText: PDF });
        await file.first().waitFor({ timeout: 10000 });
        for (const code of ['row-total', 'column-total']) {
          await page.locator('.markers-panel .monaco-list-row', { hasText: code }).first().waitFor({ timeout: 10000 });
        }
        const readonly = await page
          .locator('.editor-instance .monaco-editor.read-only, .editor-instance .monaco-editor[aria-readonly="true"]')
          .count();
        if (screenshots) await page.screenshot({ path: 'docs/pdf-report.png' });
        if (!readonly) {
          // the editor says so in its text area
          const ro = await page
            .locator('.editor-instance textarea[readonly], .editor-instance .native-edit-context[aria-readonly="true"]')
            .count();
          if (!ro) throw new Error('the PDF view is not read-only');
        }
      },
    ],
    [
      'a PDF named like a report, opened in a tab, is offered as a report; the offer opens it',
      async () => {
        await page.keyboard.press('Control+Shift+M'); // the Problems panel away
        await palette('View: Close All Editors');
        // a new file of the workspace, named as reports are: the Explorer shows it, a click opens its tab
        fs.copyFileSync(path.join(workspace, PDF), path.join(workspace, OFFERED));
        const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: OFFERED });
        await row.click({ timeout: 20000 });
        const toast = page.locator('.notifications-toasts .notification-list-item', {
          hasText: 'looks like a government information disclosure annual report',
        });
        await toast.first().waitFor({ timeout: 20000 });
        await toast.first().locator('.monaco-button', { hasText: 'Open as Disclosure Report' }).click({ timeout: 5000 });
        await page.locator('.markers-panel .monaco-list-row, .tab', { hasText: OFFERED }).first().waitFor({ timeout: 20000 });
        await editor.locator('.view-lines .view-line', { hasText: '政府信息公开' }).first().waitFor({ timeout: 30000 });
        await page.locator('.statusbar-item', { hasText: /2 report findings/ }).waitFor({ timeout: 30000 });
      },
    ],
  ];
  for (const [name, check] of checks) {
    if (run.failed) {
      console.log(`  - ${name} (skipped after a failure)`);
      run.failed++;
      continue;
    }
    try {
      await check();
      run.passed++;
      console.log(`  ✔ ${name} (${elapsed()})`);
    } catch (err) {
      run.failed++;
      console.log(`  ✘ ${name}: ${err.message.split('\n')[0]}`);
    }
  }
  exitCode = run.failed ? 1 : 0;
} catch (err) {
  why = `infrastructure error: ${err.message}`;
} finally {
  if (page && exitCode !== 0) {
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ui-failure.png' }).catch(() => {});
    server.keepLog('test-results/ui-code-server.log');
    console.log('[ui] saved test-results/ui-failure.png');
  }
  await browser?.close().catch(() => {});
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(workspace, { recursive: true, force: true });
}
finish(exitCode, why);
