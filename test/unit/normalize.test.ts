// One home for text normalisation: one white-space set for trimming and for labels, full-width
// digits, and one choice of display language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { langOf } from '../../server/src/core/index';
import { isSpace, normalizeDigits, normalizeLabel, trimSpace } from '../../server/src/core/normalize';

const EXTRA_SPACES = ['\u200b']; // beyond JavaScript's \s

test('one white-space set: \\s plus U+200B, the same for trimming and for labels', () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    const expected = /\s/.test(ch) || EXTRA_SPACES.includes(ch);
    assert.equal(isSpace(c), expected, `U+${c.toString(16).padStart(4, '0')}`);
    if (expected) {
      assert.equal(trimSpace(`${ch}a${ch}`), 'a', `trimmed: U+${c.toString(16)}`);
      assert.equal(normalizeLabel(`总${ch}计`), '总计', `ignored in labels: U+${c.toString(16)}`);
    }
  }
});

test('labels: brackets, quotes and full-width digits unified; digits keep their length', () => {
  assert.equal(normalizeLabel('(三) 1．属于“三安全一稳定”'), '（三）1.属于"三安全一稳定"');
  assert.equal(normalizeDigits('１２，３４５．６－'), '12,345.6-');
  assert.equal(normalizeDigits('１２').length, 2);
});

test('the display language: Chinese for every zh locale, English for the rest (zha is not Chinese)', () => {
  for (const l of ['zh', 'zh-cn', 'zh-TW', 'zh_CN.UTF-8', 'ZH-HK']) assert.equal(langOf(l), 'zh', l);
  for (const l of [undefined, '', 'en', 'en_US.UTF-8', 'zha', 'fr-zh']) assert.equal(langOf(l), 'en', String(l));
});
