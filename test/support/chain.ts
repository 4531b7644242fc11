// Reports of one body over several years whose carry-overs hold: year N+1's 二、上年结转 is year N's
// 四、结转下年度继续办理 in every column, and (2021 table 二) 现行有效 = last year's + 制发 − 废止 for 规章 and
// 行政规范性文件. Each report is consistent in itself; tests then break one link.
import {
  consistentTable3,
  consistentTable4,
  type OfficialFormat,
  renderReport,
  renderTable2,
  rng,
  type Table3,
  type Table4,
} from './report';

export interface ChainYear {
  year: number;
  format: OfficialFormat;
  table3: Table3;
  /** table 四 (drawn from the seed when absent) */
  table4?: Table4;
  /** [issued, repealed, inForce] of 规章 and 行政规范性文件 (2021 table 二) */
  stock: Record<'规章' | '行政规范性文件', [number, number, number]>;
  text: string;
}

const row = (t: Table3, id: string) => t.grid[t.rowIds.indexOf(id)];

/** Sets table 三's row 二 to `carried` (six columns) and keeps the balance: 一 := （七） + 四 − 二 (四 grows when 一 would be negative). */
export function carryInto(t: Table3, carried: number[]): void {
  const one = row(t, '一');
  const two = row(t, '二');
  const seven = row(t, '（七）');
  const four = row(t, '四');
  for (let c = 0; c < 6; c++) {
    two[c] = carried[c];
    one[c] = seven[c] + four[c] - two[c];
    if (one[c] < 0) {
      four[c] -= one[c];
      one[c] = 0;
    }
  }
  for (const r of [one, two, four]) r[6] = r.slice(0, 6).reduce((a, b) => a + b, 0);
}

/** Table 二's lines with the 规章 and 行政规范性文件 rows of 第二十条第（一）项 set (2021 format). */
export function table2With(format: OfficialFormat, seed: number, stock: ChainYear['stock']): string[] {
  const lines = renderTable2(format, rng(seed));
  if (format !== '2021') return lines;
  return lines.map((l) => {
    const label = l.split('\t')[0] as keyof ChainYear['stock'];
    return label in stock ? [label, ...stock[label]].join('\t') : l;
  });
}

export function renderYear(agency: string, y: Omit<ChainYear, 'text'>, seed: number): string {
  const r = rng(seed);
  return renderReport({
    agency,
    year: y.year,
    format: y.format,
    table2: table2With(y.format, seed, y.stock),
    table3: y.table3,
    table4: y.table4 ?? consistentTable4(r, y.format),
  });
}

/** A consistent chain of `years` for `agency` (formats follow the years unless given). */
export function chain(agency: string, years: number[], seed = 1, formats?: OfficialFormat[]): ChainYear[] {
  const r = rng(seed);
  const out: ChainYear[] = [];
  let inForce = { 规章: Math.floor(r() * 20), 行政规范性文件: Math.floor(r() * 300) };
  years.forEach((year, i) => {
    const format = formats?.[i] ?? (year >= 2021 ? '2021' : '2019');
    const table3 = consistentTable3(format, r);
    const prev = out[i - 1];
    if (prev && prev.year === year - 1) carryInto(table3, row(prev.table3, '四').slice(0, 6));
    const stock = {} as ChainYear['stock'];
    for (const k of ['规章', '行政规范性文件'] as const) {
      const issued = Math.floor(r() * 10);
      const repealed = Math.min(inForce[k], Math.floor(r() * 5));
      stock[k] = [issued, repealed, inForce[k] + issued - repealed];
    }
    inForce = { 规章: stock.规章[2], 行政规范性文件: stock.行政规范性文件[2] };
    const table4 = consistentTable4(r, format);
    const y = { year, format, table3, table4, stock };
    out.push({ ...y, text: renderYear(agency, y, seed * 100 + i) });
  });
  return out;
}
