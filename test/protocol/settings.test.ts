// Protocol tests of settings: the display language, editor settings, validate modes,
// .disclosure-report.json and the custom formats it names.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type CodeAction, CodeActionRequest } from 'vscode-languageserver-protocol/node';
import type { DiagnosticData } from '../../server/src/protocol';
import { CUSTOM_ID, CUSTOM_ROW_LABEL, customReport, customTemplate } from '../support/custom-template';
import { fileUri, SAMPLE, startServer } from './harness';
import { codes, LINES, MISSING_ROWS, text } from './sample';

describe('settings and .disclosure-report.json', () => {
  test('Chinese messages when the display language is zh-cn', async () => {
    const server = await startServer({ locale: 'zh-cn' });
    try {
      const uri = fileUri('zh.txt');
      await server.open(uri, SAMPLE);
      const p = await server.waitForDiagnostics(uri);
      assert.equal(p.diagnostics.length >= 5, true);
      const missing = p.diagnostics.find((d) => d.code === 'missing-cell')!;
      assert.doesNotMatch(text(missing), /value cells|missing/);
      assert.match(text(missing), /[\u4e00-\u9fff]/);
      const [fix] = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: missing.range,
        context: { diagnostics: [missing], only: ['quickfix'] },
      })) as CodeAction[];
      assert.match(fix.title, /补上总计/);
    } finally {
      await server.stop();
    }
  });

  test('rules from the editor settings: off hides a check, a severity changes it', async () => {
    const server = await startServer({ settings: { rules: { 'missing-cell': 'off' } } });
    try {
      const uri = fileUri('rules.txt');
      await server.open(uri, SAMPLE);
      const off = await server.waitForDiagnostics(uri);
      assert.deepEqual(
        codes(off.diagnostics).filter((c) => c === 'missing-cell'),
        [],
      );
      server.settings = { rules: { 'missing-cell': 'warning' } };
      await server.changeConfiguration(server.settings);
      const warn = await server.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-cell'));
      const missing = warn.diagnostics.filter((d) => d.code === 'missing-cell');
      assert.equal(missing.length, 5);
      assert.ok(
        missing.every((d) => d.severity === 2),
        'warnings',
      );
    } finally {
      await server.stop();
    }
  });

  test('a bad setting gives one clear warning and the default is used', async () => {
    const server = await startServer({ settings: { validate: 'sometimes', format: 2021, rules: { 'missing-cell': 'loud' } } });
    try {
      const a = fileUri('bad-a.txt');
      const b = fileUri('bad-b.txt');
      await server.open(a, SAMPLE);
      await server.open(b, SAMPLE);
      const p = await server.waitForDiagnostics(a);
      await server.waitForDiagnostics(b);
      assert.equal(p.diagnostics.filter((d) => d.code === 'missing-cell' && d.severity === 1).length, 5, 'defaults apply');
      const warnings = server.messages.filter((m) => m.type === 2);
      assert.equal(warnings.length, 1, `one message, got ${JSON.stringify(server.messages)}`);
      assert.match(warnings[0].message, /disclosureReport\.validate/);
      assert.match(warnings[0].message, /disclosureReport\.format/);
      assert.match(warnings[0].message, /disclosureReport\.rules\.missing-cell/);
    } finally {
      await server.stop();
    }
  });

  test('validate: onSave checks on open and save only; off publishes nothing', async () => {
    const server = await startServer({ settings: { validate: 'onSave' }, debounceMs: 0 });
    try {
      const uri = fileUri('on-save.txt');
      await server.open(uri, SAMPLE, 1);
      await server.waitForDiagnostics(uri, (p) => p.version === 1);
      const fixed = SAMPLE.replace(LINES[MISSING_ROWS[0]], `${LINES[MISSING_ROWS[0]]}\t12`);
      await server.change(uri, 2, fixed);
      await server.quiescent(); // the change was handled: checked or not, nothing more comes
      assert.deepEqual(
        server.diagnostics.filter((p) => p.uri === uri).map((p) => p.version),
        [1],
        'no check on type',
      );
      await server.save(uri);
      const saved = await server.waitForDiagnostics(uri, (p) => p.version === 2);
      assert.equal(saved.diagnostics.filter((d) => d.code === 'missing-cell').length, 4);

      server.settings = { validate: 'off' };
      await server.changeConfiguration(server.settings);
      const off = await server.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      assert.equal(off.version, 2);
    } finally {
      await server.stop();
    }
  });

  test('.disclosure-report.json above the report applies; editor settings override the keys they set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-protocol-'));
    try {
      writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify({ rules: { 'missing-cell': 'off', 'missing-section': 'off' } }));
      const sub = join(dir, 'reports');
      const uri = pathToFileURL(join(sub, 'report.txt')).toString();
      const server = await startServer({ settings: {} });
      try {
        await server.open(uri, SAMPLE);
        const fromFile = await server.waitForDiagnostics(uri);
        assert.deepEqual(
          codes(fromFile.diagnostics).filter((c) => c === 'missing-cell'),
          [],
          'the file turns missing-cell off',
        );
        server.settings = { rules: { 'missing-cell': 'info' } };
        await server.changeConfiguration(server.settings);
        const over = await server.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-cell'));
        assert.ok(over.diagnostics.filter((d) => d.code === 'missing-cell').every((d) => d.severity === 3));
        assert.equal(over.diagnostics.filter((d) => d.code === 'missing-cell').length, 5);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a user's custom format named in .disclosure-report.json: its findings in the editor, and an edit of the template re-checks", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-protocol-custom-'));
    try {
      const templatePath = join(dir, 'formats', 'provincial.json');
      mkdirSync(join(dir, 'formats'));
      writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify({ templates: ['./formats/provincial.json'] }));
      writeFileSync(templatePath, JSON.stringify(customTemplate()));
      const { text, expected } = customReport();
      const uri = pathToFileURL(join(dir, 'report.txt')).toString();
      const server = await startServer({ settings: {} });
      try {
        await server.open(uri, text);
        const first = await server.waitForDiagnostics(uri);
        const rowTotal = first.diagnostics.filter((d) => d.code === 'row-total');
        assert.deepEqual(
          rowTotal.map((d) => [(d.data as DiagnosticData).row, (d.data as DiagnosticData).expected]),
          [[CUSTOM_ROW_LABEL, expected]],
        );
        const counts = (await server.connection.sendRequest('disclosureReport/findingCount', { uri })) as { format: string };
        assert.equal(counts.format, CUSTOM_ID);
        assert.ok(
          server.registrations.some((r) => JSON.stringify(r.registerOptions).includes('provincial.json')),
          `the template file is watched: ${JSON.stringify(server.registrations)}`,
        );
        // the user renames the row in the template: the open report is checked again with it
        const edited = customTemplate() as { tables: { id: string; blocks: { rows: { id: string; label: string }[] }[] }[] };
        edited.tables.find((t) => t.id === '三')!.blocks[0].rows.find((r) => r.id === '（一）')!.label = '（一）予以公开（新口径）';
        writeFileSync(templatePath, JSON.stringify(edited));
        await server.filesChanged([pathToFileURL(templatePath).toString()]);
        const again = await server.waitForDiagnostics(uri, (p) =>
          p.diagnostics.some((d) => (d.data as DiagnosticData).row === '（一）予以公开（新口径）'),
        );
        assert.equal(again.diagnostics.filter((d) => d.code === 'row-total').length, 1);
        assert.deepEqual(server.messages, [], 'no warning: the config and the template are valid');
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
