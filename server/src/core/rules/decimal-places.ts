// Money written with other decimals than the header demands (only where the header states a
// rule such as （单位：万元，保留4位小数）, or the config sets decimalPlaces).
import { blockField, forEachRow } from './finding';

import type { Rule } from './types';

/** Rounds a decimal string half-up to `places` without going through binary floating point. */
export function roundDecimal(raw: string, places: number): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(raw);
  if (!m) return raw;
  const [, sign, int, frac = ''] = m;
  if (frac.length <= places) return `${sign}${int}${places ? `.${frac.padEnd(places, '0')}` : ''}`;
  const digits = (int + frac.slice(0, places)).split('').map(Number);
  if (Number(frac[places]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0) {
      if (digits[i] === 9) {
        digits[i] = 0;
        i--;
      } else {
        digits[i]++;
        break;
      }
    }
    if (i < 0) digits.unshift(1);
  }
  const all = digits.join('');
  const intLen = all.length - places;
  return `${sign}${all.slice(0, intLen)}${places ? `.${all.slice(intLen)}` : ''}`;
}

export const decimalPlaces: Rule = {
  code: 'decimal-places',
  severity: 'warning',
  description: { zh: '金额的小数位数与表头要求不符', en: 'Money written with other decimals than the header demands' },
  tags: ['cell'],
  scope: 'report',
  check(ctx, report) {
    forEachRow(ctx.report, (table, block, row) => {
      const rule = block.decimalRule ?? ctx.config.decimalPlaces ?? undefined;
      if (rule === undefined || rule === null) return;
      row.cells.forEach((cell, i) => {
        const col = block.columns[i];
        if (col.kind !== 'money' || cell.kind !== 'number' || cell.unsafe || cell.decimals === rule) return;
        const norm = cell.raw.replace(/[,，\s]/g, '');
        const fixed = /[０-９]/.test(norm) ? undefined : roundDecimal(norm, rule);
        report({
          message: {
            zh: `${row.spec.label} / ${col.label}：${cell.raw} 有 ${cell.decimals} 位小数，表头要求保留 ${rule} 位`,
            en: `${row.spec.label} / ${col.label}: ${cell.raw} has ${cell.decimals} decimal places; the header demands ${rule}`,
          },
          range: cell.range,
          table: table.id,
          row: row.spec.label,
          column: col.label,
          ...blockField(block),
          expected: rule,
          actual: cell.decimals,
          ...(fixed && fixed !== cell.raw
            ? {
                fix: {
                  title: { zh: `改为 ${fixed}`, en: `Write ${fixed}` },
                  preferred: false,
                  recalculates: false,
                  edits: [{ range: cell.range, newText: fixed }],
                },
              }
            : {}),
        });
      });
    });
  },
};
