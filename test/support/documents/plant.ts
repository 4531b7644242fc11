// Errors planted in a generated report's text, before any document is made from it: each document
// then carries the same error, and its findings must equal those of the text.
import { consistentTable3, consistentTable4, renderReport, rng } from '../report';

export type Plant = 'clean' | 'wrong-total' | 'blank-total' | 'broken-balance' | 'wrong-seven' | 'full-width';

/** sets cell `col` (0-based, every tab-separated cell counted) of the first line starting with `label` */
export function setCellOf(text: string, label: string, col: number, value: string | ((old: string) => string)): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.split('\t').some((c) => c.startsWith(label)));
  if (i < 0) throw new Error(`no line with ${label}`);
  const cells = lines[i].split('\t');
  cells[col] = typeof value === 'function' ? value(cells[col]) : value;
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

const TOTAL = 9; // table 三: three label cells, then 自然人 … 其他, 总计
const bump = (s: string) => String(Number(s) + 3);

/**
 * A generated report with one kind of planted error (or none). Without `prose` it is generateReport's
 * text for the seed; `prose` adds paragraphs to section 一 (to push table 三 across a page break).
 */
export function plantedReport(seed: number, format: '2021' | '2019', plant: Plant, prose?: string[]): string {
  const r = rng(seed);
  const table3 = consistentTable3(format, r);
  const table4 = consistentTable4(r);
  let text = renderReport({ table3, table4, prose });
  switch (plant) {
    case 'clean':
      break;
    case 'wrong-total':
      text = setCellOf(text, '（一）予以公开', TOTAL, bump);
      break;
    case 'blank-total':
      text = setCellOf(text, '2.重复申请', TOTAL, '');
      break;
    case 'broken-balance':
      // 四 of 自然人 and its 总计 both raised: the row still adds up, the balance does not close
      text = setCellOf(text, '四、结转下年度继续办理', 3, bump);
      text = setCellOf(text, '四、结转下年度继续办理', TOTAL, bump);
      break;
    case 'wrong-seven':
      text = setCellOf(text, '（七）总计', 4, bump);
      text = setCellOf(text, '（七）总计', TOTAL, bump);
      break;
    case 'full-width':
      text = text.replace(/\t(\d+)(?=\t|\n)/g, (_, d: string) => `\t${d.replace(/\d/g, (x) => String.fromCharCode(0xff10 + Number(x)))}`);
      break;
  }
  return text;
}
