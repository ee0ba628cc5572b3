// Inline SVG bar chart of the posture per pillar. No inline styles (the webview's CSP forbids them): the bars
// carry classes that the report's nonce'd stylesheet colours with theme variables.
import { escapeHtml } from './escape';
import type { PillarPosture } from './reportModel';

export interface ChartLayout {
  readonly width: number;
  readonly rowHeight: number;
  readonly labelWidth: number;
  readonly valueWidth: number;
}

const DEFAULT_LAYOUT: ChartLayout = { width: 680, rowHeight: 30, labelWidth: 120, valueWidth: 200 };

/**
 * One row per pillar: a track, a "passing" bar whose length is the pillar's score (share passing), and
 * the figures on the right. Pillars with nothing to check get an empty track and "nothing to check".
 */
export function pillarChartSvg(pillars: readonly PillarPosture[], layout: ChartLayout = DEFAULT_LAYOUT): string {
  const { width, rowHeight, labelWidth, valueWidth } = layout;
  const barWidth = width - labelWidth - valueWidth;
  const barHeight = Math.round(rowHeight * 0.55);
  const height = rowHeight * pillars.length;
  const rows = pillars.map((p, i) => {
    const y = i * rowHeight;
    const barY = y + Math.round((rowHeight - barHeight) / 2);
    const textY = y + Math.round(rowHeight / 2) + 4;
    const pass = p.score === undefined ? 0 : Math.round((barWidth * p.score) / 100);
    const grade = p.score === undefined ? 'none' : p.score >= 80 ? 'good' : p.score >= 50 ? 'fair' : 'poor';
    const value =
      p.score === undefined ? 'nothing to check' : `${p.score}% · ${p.passing}/${p.applicable} ${p.unit} pass`;
    const title =
      p.score === undefined
        ? `${p.label}: no resources these rules check`
        : `${p.label}: ${p.passing} of ${p.applicable} ${p.unit} pass; findings ` +
          `high ${p.findings.high}, medium ${p.findings.medium}, low ${p.findings.low}; to review ${p.review}`;
    return [
      `<g class="pillar pillar-${escapeHtml(p.pillar)}">`,
      `<title>${escapeHtml(title)}</title>`,
      `<text class="label" x="0" y="${textY}">${escapeHtml(p.label)}</text>`,
      `<rect class="track" x="${labelWidth}" y="${barY}" width="${barWidth}" height="${barHeight}" rx="3"/>`,
      pass > 0
        ? `<rect class="bar ${grade}" x="${labelWidth}" y="${barY}" width="${pass}" height="${barHeight}" rx="3"/>`
        : '',
      `<text class="value" x="${labelWidth + barWidth + 10}" y="${textY}">${escapeHtml(value)}</text>`,
      '</g>',
    ].join('');
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" aria-label="Security posture per pillar">${rows.join('')}</svg>`
  );
}
