import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportLexer } from '../../server/src/core/lexer';
import { parseLines } from '../../server/src/core/parser';

test('lexer: tabs, line breaks of every kind, text; never an error', () => {
  const r = reportLexer.tokenize('a\tb\r\nc\rd\n\u0000\ud800x');
  assert.equal(r.errors.length, 0);
  assert.deepEqual(
    r.tokens.map((t) => t.tokenType.name),
    ['Text', 'Tab', 'Text', 'Newline', 'Text', 'Newline', 'Text', 'Newline', 'Text'],
  );
});

test('parser: one line per line break, one cell per tab, empty cells kept with their position', () => {
  const lines = parseLines('一\t\t12\t\r\n\t（一）\t3');
  assert.equal(lines.length, 2);
  assert.deepEqual(
    lines[0].cells.map((c) => [c.text, c.character]),
    [
      ['一', 0],
      ['', 2],
      ['12', 3],
      ['', 6],
    ],
  );
  assert.deepEqual(
    lines[1].cells.map((c) => [c.text, c.line, c.character]),
    [
      ['', 1, 0],
      ['（一）', 1, 1],
      ['3', 1, 5],
    ],
  );
  assert.equal(lines[0].text, '一\t\t12\t');
});

test('parser: positions are UTF-16 code units (astral characters count two)', () => {
  const [line] = parseLines('𠀀𠀁\t7');
  assert.equal(line.cells[1].character, 5);
});

test('parser: empty text and text without line break', () => {
  assert.equal(parseLines('').length, 1);
  assert.equal(parseLines('x').length, 1);
  assert.equal(parseLines('x\n').length, 2);
});

test('parser: the one parser instance is reusable (no state leaks between documents)', () => {
  const a = parseLines('a\tb\nc');
  parseLines('zzz\t\t\t\n\n\n');
  const b = parseLines('a\tb\nc');
  assert.deepEqual(a, b);
});
