// --format html: one self-contained page for a batch (no network, nothing loaded; readable without
// scripts): a summary table with one row per file (body, year, format, errors, warnings,
// unreadable), sortable by a click on a column heading through a small inline script, then each
// report's tables drawn as grids by the table view's renderer with the failing cells marked and
// their findings beside them (server/src/view/).
import type { Finding, Lang } from '../../core/index';
import { tableViewModel } from '../../view/model';
import { escapeHtml, renderTableView } from '../../view/render';
import { TABLE_VIEW_CSS } from '../../view/style';
import type { FileResult, OutputFormat } from './format';

const WORDS = {
  zh: {
    title: '政府信息公开工作年度报告核查结果',
    file: '文件',
    body: '机关',
    year: '年度',
    format: '格式',
    errors: '错误',
    warnings: '警告',
    unreadable: '无法读取',
    skipped: '已跳过',
    summary: (n: number, e: number, w: number) => `共 ${n} 个文件：${e} 个错误，${w} 个警告`,
    sortHint: '点击列标题排序',
    other: '其他问题',
    accepted: '已接受',
  },
  en: {
    title: 'Disclosure report check',
    file: 'File',
    body: 'Body',
    year: 'Year',
    format: 'Format',
    errors: 'Errors',
    warnings: 'Warnings',
    unreadable: 'Unreadable',
    skipped: 'skipped',
    summary: (n: number, e: number, w: number) => `${n} file(s): ${e} error(s), ${w} warning(s)`,
    sortHint: 'click a column heading to sort',
    other: 'Other findings',
    accepted: 'accepted',
  },
};

const count = (fs: readonly Finding[], s: Finding['severity']) => fs.filter((f) => f.severity === s).length;

/** Sorts the summary by the clicked heading (numbers as numbers), again to reverse; no network, no eval. */
const SORT_SCRIPT = `(function(){var t=document.getElementById('dr-summary');if(!t)return;var hs=t.tHead.rows[0].cells;
for(var i=0;i<hs.length;i++)(function(i){var h=hs[i];h.tabIndex=0;h.setAttribute('aria-sort','none');
function go(){var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),asc=h.getAttribute('aria-sort')!=='ascending';
rows.sort(function(x,y){var a=x.cells[i].getAttribute('data-value')||x.cells[i].textContent,c=y.cells[i].getAttribute('data-value')||y.cells[i].textContent;
var na=parseFloat(a),nc=parseFloat(c),r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c,'zh');return asc?r:-r;});
for(var k=0;k<hs.length;k++)hs[k].setAttribute('aria-sort','none');h.setAttribute('aria-sort',asc?'ascending':'descending');
rows.forEach(function(r){b.appendChild(r);});}
h.addEventListener('click',go);h.addEventListener('keydown',function(e){if(e.key==='Enter')go();});})(i);})();`;

const PAGE_CSS = `
body { font-family: system-ui, "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; margin: 1.5rem; color: var(--dr-fg, #1f2328); background: var(--dr-bg, #fff); }
table.dr-summary { border-collapse: collapse; margin: 1rem 0 2rem; }
table.dr-summary th, table.dr-summary td { border: 1px solid #c8ccd1; padding: 0.25rem 0.6rem; text-align: left; }
table.dr-summary th { cursor: pointer; background: #f3f4f6; user-select: none; }
table.dr-summary th[aria-sort="ascending"]::after { content: " ▲"; }
table.dr-summary th[aria-sort="descending"]::after { content: " ▼"; }
table.dr-summary td.dr-num { text-align: right; }
table.dr-summary tr.dr-has-errors td.dr-errors { color: #b42318; font-weight: 600; }
section.dr-report { border-top: 2px solid #c8ccd1; margin-top: 2rem; padding-top: 0.5rem; }
.dr-muted { color: #6b7280; }
`;

function reportSection(r: FileResult, i: number, lang: Lang): string {
  const w = WORDS[lang];
  const heading = `<h2>${escapeHtml(r.file)}${r.body ? ` — ${escapeHtml(r.body)}` : ''}${r.year ? ` ${r.year}` : ''}</h2>`;
  if (r.error)
    return `<section class="dr-report" id="r${i}">${heading}<p class="dr-unreadable">${escapeHtml(w.unreadable)}: ${escapeHtml(r.error)}</p></section>`;
  if (!r.analysis || r.skipped)
    return `<section class="dr-report" id="r${i}">${heading}<p class="dr-muted">${escapeHtml(w.skipped)}: ${escapeHtml(r.skipped ?? '')}</p></section>`;
  const model = tableViewModel(r.analysis, 0, lang, { findings: r.diagnostics });
  const accepted = r.accepted?.length ? `<p class="dr-muted">${w.accepted}: ${r.accepted.length}</p>` : '';
  return `<section class="dr-report" id="r${i}">${heading}${accepted}${renderTableView(model, { idPrefix: `r${i}`, headingLevel: 3 })}</section>`;
}

export function renderHtmlReport(results: readonly FileResult[], lang: Lang): string {
  const w = WORDS[lang];
  const all = results.flatMap((r) => r.diagnostics);
  const rows = results.map((r, i) => {
    const e = count(r.diagnostics, 'error');
    const wn = count(r.diagnostics, 'warning');
    const state = r.error ? w.unreadable : r.skipped ? w.skipped : '';
    return `<tr class="dr-summary-row${e ? ' dr-has-errors' : ''}" data-file="${escapeHtml(r.file)}"><td data-value="${escapeHtml(r.file)}"><a href="#r${i}">${escapeHtml(r.file)}</a></td><td>${escapeHtml(r.body ?? '')}</td><td class="dr-num">${r.year ?? ''}</td><td>${escapeHtml(r.format ?? '')}</td><td class="dr-num dr-errors">${e}</td><td class="dr-num">${wn}</td><td${r.error ? ' class="dr-unreadable"' : ''}>${escapeHtml(state)}</td></tr>`;
  });
  const head = [w.file, w.body, w.year, w.format, w.errors, w.warnings, w.unreadable]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title><style>${TABLE_VIEW_CSS}${PAGE_CSS}</style></head>
<body><h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(w.summary(results.length, count(all, 'error'), count(all, 'warning')))} <span class="dr-muted">(${escapeHtml(w.sortHint)})</span></p>
<table class="dr-summary" id="dr-summary"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>
${results.map((r, i) => reportSection(r, i, lang)).join('\n')}
<script>${SORT_SCRIPT}</script>
</body></html>
`;
}

export const htmlOutput: OutputFormat = {
  name: 'html',
  summary: 'one self-contained page: a summary per report, then its tables with the failing cells marked',
  needsAnalysis: true,
  write(results, { lang, stdout }) {
    stdout(renderHtmlReport(results, lang));
  },
};
