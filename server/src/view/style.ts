// The stylesheet of the table view (render.ts's classes). One source for both places it is used:
// esbuild.mjs writes it to dist/webview/tableView.css (the webview loads it as a file: its Content
// Security Policy allows styles from the extension only), and a static page (the CLI's batch HTML
// report) puts it in a <style>. Colours are CSS variables: VS Code's theme variables where the
// page is a webview (light, dark, high contrast), the --dr-page-* fallbacks on a page of its own
// (light, or dark under prefers-color-scheme: dark). Override any --dr-* variable to restyle.
export const TABLE_VIEW_CSS = `
:root {
  --dr-page-fg: #1f1f1f;
  --dr-page-bg: #ffffff;
  --dr-page-muted: #616161;
  --dr-page-border: #c8c8c8;
  --dr-page-head-bg: #f3f3f3;
  --dr-page-derived-bg: #eef3fb;
  --dr-page-error: #d41a0f;
  --dr-page-error-bg: #fde7e6;
  --dr-page-warning: #9a6700;
  --dr-page-warning-bg: #fff4d6;
  --dr-page-info: #1a73c8;
  --dr-page-active: #add6ff;
  --dr-page-focus: #0078d4;
  --dr-page-link: #0060b0;
  --dr-page-button-bg: #0078d4;
  --dr-page-button-fg: #ffffff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --dr-page-fg: #d4d4d4;
    --dr-page-bg: #1e1e1e;
    --dr-page-muted: #a0a0a0;
    --dr-page-border: #474747;
    --dr-page-head-bg: #252526;
    --dr-page-derived-bg: #1f2a3a;
    --dr-page-error: #f48771;
    --dr-page-error-bg: #4b1818;
    --dr-page-warning: #cca700;
    --dr-page-warning-bg: #3d3000;
    --dr-page-info: #75beff;
    --dr-page-active: #264f78;
    --dr-page-focus: #3794ff;
    --dr-page-link: #3794ff;
  }
}
/* high contrast (VS Code's body classes): no fills, the theme's contrast borders carry the marks */
body.vscode-high-contrast {
  --dr-page-head-bg: transparent;
  --dr-page-derived-bg: transparent;
  --dr-page-error-bg: transparent;
  --dr-page-warning-bg: transparent;
  --dr-page-active: transparent;
}
.dr-view {
  --dr-fg: var(--vscode-editor-foreground, var(--dr-page-fg));
  --dr-bg: var(--vscode-editor-background, var(--dr-page-bg));
  --dr-muted: var(--vscode-descriptionForeground, var(--dr-page-muted));
  --dr-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, var(--dr-page-border)));
  --dr-head-bg: var(--vscode-editorGroupHeader-tabsBackground, var(--dr-page-head-bg));
  --dr-derived-bg: var(--vscode-textCodeBlock-background, var(--dr-page-derived-bg));
  --dr-error: var(--vscode-editorError-foreground, var(--dr-page-error));
  --dr-error-bg: var(--vscode-inputValidation-errorBackground, var(--dr-page-error-bg));
  --dr-warning: var(--vscode-editorWarning-foreground, var(--dr-page-warning));
  --dr-warning-bg: var(--vscode-inputValidation-warningBackground, var(--dr-page-warning-bg));
  --dr-info: var(--vscode-editorInfo-foreground, var(--dr-page-info));
  --dr-active: var(--vscode-editor-selectionBackground, var(--dr-page-active));
  --dr-focus: var(--vscode-focusBorder, var(--dr-page-focus));
  --dr-contrast: var(--vscode-contrastBorder, transparent);
  --dr-contrast-active: var(--vscode-contrastActiveBorder, var(--dr-focus));
  --dr-link: var(--vscode-textLink-foreground, var(--dr-page-link));
  --dr-button-bg: var(--vscode-button-background, var(--dr-page-button-bg));
  --dr-button-fg: var(--vscode-button-foreground, var(--dr-page-button-fg));
  --dr-button-hover: var(--vscode-button-hoverBackground, var(--dr-button-bg));
  color: var(--dr-fg);
  background: var(--dr-bg);
  font-family: var(--vscode-font-family, system-ui, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif);
  font-size: var(--vscode-font-size, 13px);
  line-height: 1.4;
}
.dr-view * { box-sizing: border-box; }
.dr-muted { color: var(--dr-muted); }
.dr-status {
  position: sticky;
  top: 0;
  z-index: 2;
  padding: 6px 0 8px;
  margin-bottom: 8px;
  background: var(--dr-bg);
  border-bottom: 1px solid var(--dr-border);
}
.dr-report-title { font-weight: 600; font-size: 1.08em; margin-bottom: 2px; }
.dr-status-line { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }
.dr-status-key { font-weight: 600; margin-right: 4px; }
.dr-status-tables { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; margin: 6px 0 0; padding: 0; }
.dr-status-table { padding-left: 10px; border-left: 3px solid var(--dr-border); }
.dr-status-table.dr-has-error { border-left-color: var(--dr-error); }
.dr-status-table.dr-has-warning { border-left-color: var(--dr-warning); }
.dr-status-table.dr-has-info, .dr-status-table.dr-has-hint { border-left-color: var(--dr-info); }
.dr-status-table.dr-not-found, .dr-status-table.dr-unreadable { border-left-style: dashed; }
.dr-status-table a { color: var(--dr-link); text-decoration: none; font-weight: 600; }
.dr-status-table a:hover { text-decoration: underline; }
.dr-has-error .dr-count { color: var(--dr-error); }
.dr-has-warning .dr-count { color: var(--dr-warning); }
.dr-updating { display: none; color: var(--dr-muted); font-style: italic; }
.dr-pending .dr-updating { display: inline; }
.dr-pending .dr-grid { opacity: 0.75; }
.dr-button {
  margin-left: auto;
  padding: 3px 10px;
  border: 1px solid var(--dr-contrast);
  border-radius: 2px;
  color: var(--dr-button-fg);
  background: var(--dr-button-bg);
  font: inherit;
  cursor: pointer;
}
.dr-button:hover { background: var(--dr-button-hover); }
.dr-button:focus-visible { outline: 1px solid var(--dr-focus); outline-offset: 2px; }
.dr-legend { margin: 6px 0 0; font-size: 0.92em; color: var(--dr-muted); }
.dr-swatch { display: inline-block; padding: 0 6px; margin-right: 4px; border: 1px solid var(--dr-border); }
.dr-swatch-derived { background: var(--dr-derived-bg); font-weight: 600; color: var(--dr-fg); }
.dr-swatch-error { background: var(--dr-error-bg); box-shadow: inset 0 0 0 1px var(--dr-error); color: var(--dr-fg); }
.dr-swatch-warning { background: var(--dr-warning-bg); box-shadow: inset 0 0 0 1px var(--dr-warning); color: var(--dr-fg); }
.dr-swatch-missing { border-style: dashed; border-color: var(--dr-error); }
.dr-swatch-absent, .dr-absent .dr-cell {
  background-image: repeating-linear-gradient(135deg, transparent 0 5px, var(--dr-border) 5px 6px);
}
.dr-note { margin: 4px 0 8px; padding: 4px 8px; border-left: 3px solid var(--dr-border); color: var(--dr-muted); }
.dr-note-warning { border-left-color: var(--dr-warning); }
.dr-table { margin: 0 0 22px; }
.dr-table-title { margin: 14px 0 6px; font-size: 1.12em; font-weight: 600; }
.dr-table-name { font-weight: normal; color: var(--dr-muted); }
.dr-grid-wrap { overflow-x: auto; }
.dr-grid { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.dr-grid th, .dr-grid td { border: 1px solid var(--dr-border); padding: 3px 6px; vertical-align: middle; scroll-margin-top: 96px; }
.dr-head { background: var(--dr-head-bg); font-weight: 600; text-align: center; min-width: 3.5em; }
.dr-head.dr-derived { background: var(--dr-derived-bg); }
.dr-corner { font-weight: normal; font-size: 0.88em; color: var(--dr-muted); max-width: 18em; }
.dr-block-heading { background: var(--dr-head-bg); text-align: left; font-weight: 600; }
.dr-label { text-align: left; font-weight: normal; max-width: 22em; }
.dr-grid .dr-group { text-align: center; vertical-align: top; background: var(--dr-head-bg); }
.dr-cell { text-align: right; white-space: nowrap; min-width: 3.5em; }
.dr-cell.dr-derived { background: var(--dr-derived-bg); font-weight: 600; }
.dr-cell.dr-error { background: var(--dr-error-bg); box-shadow: inset 0 0 0 2px var(--dr-error); }
.dr-cell.dr-warning { background: var(--dr-warning-bg); box-shadow: inset 0 0 0 2px var(--dr-warning); }
.dr-cell.dr-info, .dr-cell.dr-hint { box-shadow: inset 0 0 0 1px var(--dr-info); }
.dr-k-missing { outline: 1px dashed var(--dr-error); outline-offset: -4px; }
.dr-k-text, .dr-k-annotated { text-align: left; white-space: normal; }
.dr-expected { margin-left: 4px; color: var(--dr-muted); font-style: italic; font-weight: normal; }
.dr-k-missing .dr-expected, .dr-k-blank .dr-expected, .dr-k-placeholder .dr-expected { margin-left: 0; }
.dr-wrong .dr-value { text-decoration: line-through; }
.dr-k-blank.dr-wrong .dr-value, .dr-k-placeholder.dr-wrong .dr-value { text-decoration: none; }
.dr-absent .dr-label { color: var(--dr-muted); font-style: italic; }
.dr-uncertain .dr-label::after { content: " ?"; color: var(--dr-warning); font-weight: 600; }
.dr-row-error > .dr-label:first-child { box-shadow: inset 3px 0 0 var(--dr-error); }
.dr-row-warning > .dr-label:first-child { box-shadow: inset 3px 0 0 var(--dr-warning); }
.dr-interactive .dr-cell[data-line], .dr-interactive [data-line].dr-label, .dr-interactive .dr-finding[data-line],
.dr-interactive .dr-unplaced-line[data-line], .dr-interactive .dr-table-title[data-line] { cursor: pointer; }
.dr-interactive .dr-cell[data-line]:hover { outline: 1px solid var(--dr-focus); outline-offset: -1px; }
.dr-cell:focus-visible { outline: 2px solid var(--dr-focus); outline-offset: -2px; }
.dr-active, .dr-grid .dr-active { background: var(--dr-active); outline: 2px solid var(--dr-contrast-active); outline-offset: -2px; }
.dr-row.dr-active-row > .dr-label:not(.dr-group) { background: var(--dr-active); }
.dr-list-title { margin: 10px 0 4px; font-size: 1em; font-weight: 600; }
.dr-findings, .dr-unplaced ul { margin: 0; padding-left: 0; list-style: none; }
.dr-finding, .dr-unplaced-line { padding: 2px 0 2px 8px; border-left: 3px solid var(--dr-border); margin: 2px 0; }
.dr-sev-error { border-left-color: var(--dr-error); }
.dr-sev-warning { border-left-color: var(--dr-warning); }
.dr-sev-info, .dr-sev-hint { border-left-color: var(--dr-info); }
.dr-sev { font-weight: 600; }
.dr-sev-error .dr-sev { color: var(--dr-error); }
.dr-sev-warning .dr-sev { color: var(--dr-warning); }
.dr-sev-info .dr-sev, .dr-sev-hint .dr-sev { color: var(--dr-info); }
.dr-code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-size: 0.92em; }
.dr-unplaced-label { font-weight: 600; }
.dr-line-text { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-size: 0.92em; white-space: pre-wrap; }
.dr-finding.dr-active { outline: none; }
.vscode-high-contrast .dr-cell.dr-derived, .vscode-high-contrast .dr-head.dr-derived { outline: 1px dashed var(--dr-contrast); outline-offset: -3px; }
.vscode-high-contrast .dr-cell.dr-error, .vscode-high-contrast .dr-cell.dr-warning { outline: 2px solid var(--dr-contrast-active); outline-offset: -4px; }
.vscode-high-contrast .dr-head, .vscode-high-contrast .dr-group, .vscode-high-contrast .dr-block-heading { background: transparent; }
.vscode-high-contrast .dr-corner { color: var(--dr-fg); }
.vscode-high-contrast .dr-active, .vscode-high-contrast .dr-row.dr-active-row > .dr-label:not(.dr-group) {
  background: transparent;
  outline: 2px dashed var(--dr-contrast-active);
  outline-offset: -3px;
}
`;
