import * as assert from 'assert';
import { escapeHtml, escapeMarkdownCell } from '../../../client/src/views/escape';
import { contentSecurityPolicy, renderReportHtml } from '../../../client/src/views/reportHtml';
import { reportToMarkdown } from '../../../client/src/views/reportMarkdown';
import { buildReport } from '../../../client/src/views/reportModel';
import { pillarChartSvg } from '../../../client/src/views/reportSvg';
import { finding, rel, summary } from './summary-fixture';

const findings = [
  finding({ ruleId: 'AIS-COG-LOCAL-AUTH', severity: 'high', uri: 'file:///ws/a.bicep' }),
  finding({ ruleId: 'AIS-COG-LOCAL-AUTH', severity: 'high', uri: 'file:///ws/b.bicep' }),
  finding({ ruleId: 'AIS-COG-DIAG', severity: 'low', kind: 'review', level: 'info' }),
  finding({ ruleId: 'AIS-COG-CMK', severity: 'medium', suppressed: true }),
  finding({ ruleId: 'AIS-COG-PUBLIC-NETWORK', severity: 'high', message: 'Account <b>x</b> | is public' }),
];

describe('client: report model', () => {
  const model = buildReport(summary(findings));

  it('scores each pillar by the applicable rules that pass', () => {
    const byPillar = Object.fromEntries(model.pillars.map((p) => [p.pillar, p]));
    // identity: LOCAL-AUTH fails -> 0/1
    assert.deepStrictEqual([byPillar.identity.passing, byPillar.identity.applicable], [0, 1]);
    assert.strictEqual(byPillar.identity.score, 0);
    assert.strictEqual(byPillar.identity.findings.high, 2);
    // network: PUBLIC-NETWORK fails; ST-PUBLIC-BLOB has no storage account -> not applicable
    assert.deepStrictEqual([byPillar.network.passing, byPillar.network.applicable], [0, 1]);
    // monitoring: DIAG only has a review finding -> passes (review is not a violation), counted as review
    assert.deepStrictEqual([byPillar.monitoring.passing, byPillar.monitoring.review], [1, 1]);
    assert.strictEqual(byPillar.monitoring.score, 100);
    // encryption: CMK finding is suppressed -> passes
    assert.strictEqual(byPillar.encryption.score, 100);
    // nothing checks content safety or compute here
    assert.strictEqual(byPillar['content-safety'].score, undefined);
    assert.strictEqual(byPillar.compute.applicable, 0);
  });

  it("uses the server's per-resource posture when the summary carries one", () => {
    const none = { applicable: 0, passing: 0, unverified: 0, ratio: null };
    const posture = {
      network: { applicable: 4, passing: 3, unverified: 1, ratio: 0.75 },
      identity: none,
      encryption: none,
      monitoring: none,
      'content-safety': none,
      compute: none,
    };
    const m = buildReport(summary(findings, { posture }));
    const network = m.pillars.find((p) => p.pillar === 'network')!;
    assert.deepStrictEqual([network.unit, network.passing, network.applicable, network.score], ['resources', 3, 4, 75]);
    // Finding counts still come from the findings.
    assert.strictEqual(network.findings.high, 1);
    assert.strictEqual(m.pillars.find((p) => p.pillar === 'identity')!.score, undefined);
  });

  it('matches resource types case-insensitively', () => {
    const m = buildReport(summary([], { resourceTypes: { 'microsoft.storage/storageaccounts': 1 } }));
    const network = m.pillars.find((p) => p.pillar === 'network')!;
    assert.deepStrictEqual([network.passing, network.applicable], [1, 1]);
  });

  it('lists top rules most severe and most frequent first, with file counts', () => {
    assert.deepStrictEqual(
      model.topRules.map((r) => [r.id, r.findings, r.files]),
      [
        ['AIS-COG-LOCAL-AUTH', 2, 2],
        ['AIS-COG-PUBLIC-NETWORK', 1, 1],
      ],
    );
    assert.strictEqual(buildReport(summary(findings), 1).topRules.length, 1);
  });

  it('totals exclude suppressed and review findings from the severities', () => {
    assert.deepStrictEqual(model.totals, { high: 3, medium: 0, low: 0, review: 1, suppressed: 1 });
    assert.strictEqual(model.resources, 2);
  });
});

describe('client: report SVG, HTML and Markdown', () => {
  const model = buildReport(summary(findings));

  it('draws one row per pillar with a bar proportional to the score', () => {
    const svg = pillarChartSvg(model.pillars, { width: 500, rowHeight: 20, labelWidth: 100, valueWidth: 100 });
    assert.strictEqual((svg.match(/<g class="pillar /g) ?? []).length, 6);
    // 300 px of bar width: monitoring at 100% -> 300, identity at 0% -> no bar
    assert.match(svg, /<g class="pillar pillar-monitoring">.*?<rect class="bar good" x="100" y="\d+" width="300"/);
    assert.doesNotMatch(
      svg,
      /<g class="pillar pillar-identity">[^]*?class="bar[^]*?<\/g><g class="pillar pillar-network"/,
    );
    assert.match(svg, /Content safety<\/text>.*?nothing to check/);
    assert.doesNotMatch(svg, /style=/, 'no inline styles (CSP)');
  });

  it('renders HTML with a strict nonce CSP, no remote or inline-attribute content, escaped text', () => {
    const html = renderReportHtml(model, { nonce: 'abc123', scriptUri: 'https://file+.vscode-resource/x/report.js' });
    assert.match(html, /content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'/);
    assert.strictEqual(contentSecurityPolicy('n').includes('unsafe'), false);
    assert.match(html, /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource\/x\/report\.js"><\/script>/);
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /style="/);
    assert.match(html, /data-rule="AIS-COG-LOCAL-AUTH"/);
    assert.match(html, /<button id="export">Export as Markdown<\/button>/);
  });

  it('exports Markdown with the pillar table, the top rules and escaped findings', () => {
    const md = reportToMarkdown(model, { relativePath: rel, subtitle: 'ws · 2026-01-01' });
    assert.match(md, /^# aisec security posture\n/);
    assert.match(
      md,
      /Findings: \*\*3 high\*\*, \*\*0 medium\*\*, \*\*0 low\*\*; 1 to review \(cannot verify\); 1 suppressed\./,
    );
    assert.match(md, /\| Identity \| ░{10} 0% \| 0\/1 rules \| 2 \| 0 \| 0 \| 0 \|/);
    assert.match(md, /\| Monitoring \| █{10} 100% \| 1\/1 rules \| 0 \| 0 \| 0 \| 1 \|/);
    assert.match(md, /\| Content safety \| n\/a \| nothing to check \|/);
    assert.match(md, /\| `AIS-COG-LOCAL-AUTH` \| high \| Identity \| 2 \| 2 \| Disable local auth \|/);
    // The message's pipe and HTML are neutralised, so the table keeps its columns.
    assert.match(md, /Account \\<b\\>x\\<\/b\\> \\\| is public \|$/m);
    assert.strictEqual((md.match(/^\| high \|/gm) ?? []).length, 3);
  });

  it('caps the findings list and says how many are left', () => {
    const md = reportToMarkdown(model, { relativePath: rel, maxFindings: 1 });
    assert.strictEqual((md.match(/^\| high \|/gm) ?? []).length, 1);
    assert.match(md, /…and 2 more\./);
  });

  it('escapes', () => {
    assert.strictEqual(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    assert.strictEqual(escapeMarkdownCell('a|b\n*c*'), 'a\\|b \\*c\\*');
  });
});
