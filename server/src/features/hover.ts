// Hover on a value cell: its table, row and column; for a derived cell (总计, （七）) the sum
// written out; for a cell with findings, each message with the expected value (those across
// reports included); on this year's 上年结转 or 现行有效 cell, last year's value and file.
import { type Hover, type HoverParams, MarkupKind } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import { type CellDescription, type CellFact, contains, describeCell, formatMessage, type Lang } from '../core/index';
import { analyzedRequest } from '../guard';
import { t } from '../strings';

export function hoverMarkdown(d: CellDescription, lang: Lang, last?: { name: string; cell: CellFact }): string {
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
  if (last) lines.push(`${t('lastYear', last.name, `${last.cell.row} / ${last.cell.column}`)}: ${last.cell.value ?? '?'}`);

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
        (analyzed, params): Hover | null => {
          const d = describeCell(analyzed.analysis, params.position);
          if (!d) return null;
          const own = new Set(analyzed.analysis.findings);
          for (const f of ctx.findingsOf(analyzed)) if (!own.has(f) && contains(f.range, params.position)) d.findings.push(f);
          const last = ctx.workspace.lastYear(params.textDocument.uri, params.position);
          return {
            contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(d, ctx.lang, last) },
            range: d.cell.range,
          };
        },
      ),
    );
  },
};
