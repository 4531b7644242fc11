// Hover on a value cell: its table, row and column; for a derived cell (总计, （七）) the sum
// written out; for a cell with findings, each message with the expected value.
import { type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import { type CellDescription, describeCell, formatMessage, type Lang } from '../core/index';
import { analyzedRequest } from '../guard';
import { t } from '../strings';

export function hoverMarkdown(d: CellDescription, lang: Lang): string {
  const lines: string[] = [];
  const where = [`**${t('table')}${lang === 'zh' ? '' : ' '}${d.table}**${d.tableTitle ? ` ${d.tableTitle}` : ''}`];
  lines.push(where.join(''));
  const place: string[] = [];
  if (d.block) place.push(`${t('block')}: ${d.block}`);
  place.push(`${t('row')}: ${d.row}`);
  place.push(`${t('column')}: ${d.column}`);
  lines.push(place.join(' · '));

  const cell = d.cell;
  let value: string;
  switch (cell.kind) {
    case 'blank':
      value = t('blank');
      break;
    case 'placeholder':
      value = `\`${cell.raw}\` ${t('placeholder')}`;
      break;
    case 'missing':
      value = t('missing');
      break;
    case 'text':
      value = `\`${cell.raw}\` ${t('text')}`;
      break;
    default:
      value = cell.value !== undefined ? `**${cell.value}**` : `\`${cell.raw}\``;
  }
  lines.push(`${t('value')}: ${value}`);

  if (d.derived) {
    lines.push('', `${t('derivedCell')}:`, '', '```text', d.derived.expression, '```');
    if (d.derived.parts.length) {
      lines.push(d.derived.parts.map((p) => `${p.label} = ${p.value}`).join('  \n'));
    }
  }
  if (d.findings.length) {
    lines.push('', '---');
    for (const f of d.findings) {
      const expected = f.expected !== undefined ? ` (${t('expected')} **${f.expected}**)` : '';
      lines.push(`- \`${f.code}\` ${formatMessage(f, lang)}${expected}`);
    }
  }
  return lines.join('\n');
}

export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register(ctx: ServerContext) {
    ctx.connection.onHover(
      analyzedRequest(
        ctx,
        'hover',
        null,
        (p: HoverParams) => p.textDocument.uri,
        ({ analysis }, params): Hover | null => {
          const d = describeCell(analysis, params.position);
          if (!d) return null;
          return {
            contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(d, ctx.lang) },
            range: d.cell.range,
          };
        },
      ),
    );
  },
};
