// A user's own format, as `.disclosure-report.json` `templates` would name it: the 2021 format
// with one more marker phrase and its own label for table 三's （一） row, and a report that uses
// it with a wrong （一） total. Shared by the CLI test and the protocol (editor) test.
import data2021 from '../../server/src/core/templates/format-2021.json';
import { generateReport } from './report';

export const CUSTOM_ID = 'provincial-2021';
export const CUSTOM_MARKER = '省级补充指标';
/** the （一） row's label in the custom format: findings name it so */
export const CUSTOM_ROW_LABEL = '（一）予以公开（含主动告知）';

export function customTemplate(): unknown {
  const t = structuredClone(data2021) as unknown as {
    id: string;
    name: string;
    markers: string[];
    description?: unknown;
    tables: { id: string; blocks: { rows: { id: string; label: string }[] }[] }[];
  };
  t.id = CUSTOM_ID;
  t.name = '某省 2021 年度报告格式';
  delete t.description;
  t.markers = [...t.markers, CUSTOM_MARKER];
  const row = t.tables.find((x) => x.id === '三')!.blocks[0].rows.find((r) => r.id === '（一）')!;
  row.label = CUSTOM_ROW_LABEL;
  return t;
}

/** A report of the custom format (its marker in section 一) whose （一） 总计 is one too many. */
export function customReport(): { text: string; expected: number } {
  const { text, table3 } = generateReport(5);
  const i = table3.rowIds.indexOf('（一）');
  const total = table3.grid[i][6];
  const lines = text.split('\n');
  const one = lines.findIndex((l) => l.includes('（一）予以公开'));
  const cells = lines[one].split('\t');
  cells[cells.length - 1] = String(total + 1);
  lines[one] = cells.join('\t');
  const first = lines.findIndex((l) => l.startsWith('一、总体情况'));
  lines.splice(first + 1, 0, `本年度按照${CUSTOM_MARKER}填报。`);
  return { text: lines.join('\n'), expected: total };
}
