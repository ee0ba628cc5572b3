// HTML of the report webview. Pure: the panel passes the nonce, the webview's CSP source and the script uri.
// Strict CSP: nothing remote, no inline style attributes; one nonce'd <style> and one nonce'd local script.
import { escapeHtml } from './escape';
import type { ReportModel } from './reportModel';
import { PILLAR_LABEL } from './reportModel';
import { pillarChartSvg } from './reportSvg';

export interface HtmlOptions {
  readonly nonce: string;
  /** `webview.asWebviewUri(dist/report.js)`. */
  readonly scriptUri: string;
  readonly subtitle?: string;
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; }
h1 { font-size: 1.5em; font-weight: 600; margin-bottom: 4px; }
h2 { font-size: 1.15em; font-weight: 600; margin-top: 24px; }
.subtitle, .muted { color: var(--vscode-descriptionForeground); }
.totals { display: flex; gap: 16px; margin: 12px 0; flex-wrap: wrap; }
.total { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); border-radius: 4px; padding: 6px 12px; min-width: 70px; }
.total .n { font-size: 1.6em; font-weight: 600; display: block; }
.total.high .n { color: var(--vscode-errorForeground); }
.total.medium .n { color: var(--vscode-editorWarning-foreground); }
.total.low .n { color: var(--vscode-editorInfo-foreground); }
.chart text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
.chart text.value { fill: var(--vscode-descriptionForeground); }
.chart .track { fill: var(--vscode-editorWidget-background, #8882); stroke: var(--vscode-widget-border, #8884); }
.chart .bar.good { fill: var(--vscode-charts-green, #388a34); }
.chart .bar.fair { fill: var(--vscode-charts-yellow, #bf8803); }
.chart .bar.poor { fill: var(--vscode-charts-red, #e51400); }
table { border-collapse: collapse; margin-top: 8px; }
th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--vscode-panel-border, #8884); vertical-align: top; }
td.num { text-align: right; }
.sev { font-weight: 600; }
.sev.high { color: var(--vscode-errorForeground); }
.sev.medium { color: var(--vscode-editorWarning-foreground); }
.sev.low { color: var(--vscode-editorInfo-foreground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 6px 14px; border-radius: 2px; cursor: pointer; font-family: inherit; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
.actions { display: flex; gap: 8px; margin: 16px 0 4px; }
a.rule { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: none; font-family: var(--vscode-editor-font-family); }
a.rule:hover { text-decoration: underline; }
`;

function postureNote(model: ReportModel): string {
  return model.pillars.some((p) => p.unit === 'resources')
    ? 'Share of the checked resources without a definite finding of the pillar.'
    : 'Share of the applicable rules without a definite finding.';
}

export function renderReportHtml(model: ReportModel, options: HtmlOptions): string {
  const t = model.totals;
  const total = (cls: string, n: number, label: string) =>
    `<div class="total ${cls}"><span class="n">${n}</span>${escapeHtml(label)}</div>`;
  const rules =
    model.topRules.length === 0
      ? '<p class="muted">No rule has a definite finding.</p>'
      : [
          '<table><thead><tr><th>Rule</th><th>Severity</th><th>Pillar</th><th>Findings</th><th>Files</th>' +
            '<th>Title</th></tr></thead><tbody>',
          ...model.topRules.map(
            (r) =>
              `<tr><td><a class="rule" data-rule="${escapeHtml(r.id)}" href="#">${escapeHtml(r.id)}</a></td>` +
              `<td class="sev ${r.severity}">${r.severity}</td><td>${escapeHtml(PILLAR_LABEL[r.pillar])}</td>` +
              `<td class="num">${r.findings}</td><td class="num">${r.files}</td><td>${escapeHtml(r.title)}</td></tr>`,
          ),
          '</tbody></table>',
        ].join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>aisec report</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
<h1>AI workload security posture</h1>
<div class="subtitle">${escapeHtml(options.subtitle ?? '')}${model.scanning ? ' · scan in progress, figures may change' : ''}</div>
<div class="totals">
${total('high', t.high, 'high')}
${total('medium', t.medium, 'medium')}
${total('low', t.low, 'low')}
${total('review', t.review, 'to review')}
${total('suppressed', t.suppressed, 'suppressed')}
</div>
<div class="muted">${model.files} IaC ${model.files === 1 ? 'file' : 'files'}, ${model.resources} ${model.resources === 1 ? 'resource' : 'resources'} checked</div>
<div class="actions">
<button id="export">Export as Markdown</button>
<button id="refresh" class="secondary">Rescan workspace</button>
</div>
<h2>Posture per pillar</h2>
<div class="muted">${escapeHtml(postureNote(model))} Hover a bar for the figures.</div>
${pillarChartSvg(model.pillars)}
<h2>Top rules</h2>
${rules}
<script nonce="${options.nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
