import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, loadConfigFile } from '../../server/src/core/index';
import data2021 from '../../server/src/core/templates/format-2021.json';
import { TEMPLATES } from '../../server/src/core/templates/index';
import { loadTemplate } from '../../server/src/core/templates/schema';
import { CUSTOM_ID, CUSTOM_ROW_LABEL, customReport, customTemplate } from '../support/custom-template';

test('both official formats load and have the documented shapes', () => {
  const byId = Object.fromEntries(TEMPLATES.map((t) => [t.id, t]));
  const t3 = (id: string) => byId[id].tables.find((t) => t.id === '三')!.blocks[0];
  assert.equal(t3('2021').rows.length, 25);
  assert.equal(t3('2019').rows.length, 23);
  assert.equal(t3('2021').columns.length, 7);
  const t4 = byId['2021'].tables.find((t) => t.id === '四')!.blocks[0];
  assert.equal(t4.rows.length * t4.columns.length, 15);
  assert.equal(byId['2019'].tables.find((t) => t.id === '二')!.blocks.length, 5);
});

test('a template whose relation names an unknown row is rejected with a readable message', () => {
  const bad = structuredClone(data2021) as typeof data2021;
  const block = bad.tables.find((t) => t.id === '三')!.blocks[0] as { relations: { parts?: string[] }[] };
  block.relations[1].parts![0] = '（九）';
  assert.throws(() => loadTemplate(bad, 'bad.json'), /bad\.json: invalid format template:[\s\S]*unknown row （九）/);
});

test('a template missing required fields is rejected', () => {
  assert.throws(() => loadTemplate({ id: 'x' }, 'x.json'), /x\.json: invalid format template/);
});

test('a custom format is data: a config naming its file makes analyze detect it and check with its labels', () => {
  const { text, expected } = customReport();
  const files: Record<string, string> = { '/c/formats/p.json': JSON.stringify(customTemplate()) };
  const host = {
    readFile: (p: string) => files[p],
    dirname: (p: string) => p.replace(/\/[^/]*$/, '') || '/',
    join: (d: string, n: string) => `${d}/${n.replace(/^\.\//, '')}`,
  };
  const { config, errors } = loadConfigFile('/c/.disclosure-report.json', JSON.stringify({ templates: ['./formats/p.json'] }), host);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    config.templates.map((t) => t.id),
    [CUSTOM_ID],
  );
  const a = analyze(text, { config });
  assert.deepEqual([a.report.format, a.report.formatSource], [CUSTOM_ID, 'detected']);
  const rowTotal = a.findings.filter((f) => f.code === 'row-total');
  assert.deepEqual(
    rowTotal.map((f) => [f.row, f.expected]),
    [[CUSTOM_ROW_LABEL, expected]],
  );
  // without the config: the official format, its own label
  assert.deepEqual(
    analyze(text)
      .findings.filter((f) => f.code === 'row-total')
      .map((f) => f.row),
    ['（一）予以公开'],
  );
});

test("a report rendered from each template's data is read back with no finding; one changed value breaks its relations", async () => {
  const { renderBlankReport } = await import('../../server/src/core/index');
  for (const id of ['2021', '2019']) {
    const text = renderBlankReport(id);
    const a = analyze(text);
    assert.equal(a.report.format, id);
    assert.deepEqual(a.findings, [], id);
    assert.equal(a.report.tables.find((t) => t.id === '三')!.blocks[0].rows.length, id === '2021' ? 25 : 23);
    const broken = analyze(text.replace(/^(（一）予以公开\t)0/m, '$11'));
    assert.deepEqual(broken.findings.map((f) => f.code).sort(), ['column-total', 'row-total'], id);
  }
});
