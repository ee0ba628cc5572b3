import * as assert from 'assert';
import { groupFindings, leafText } from '../../../client/src/views/grouping';
import { countsOf, statusText } from '../../../client/src/views/statusText';
import { finding, rel, summary } from './summary-fixture';

const findings = [
  finding({ ruleId: 'AIS-COG-DIAG', severity: 'low', uri: 'file:///ws/b.bicep', range: range(9) }),
  finding({ ruleId: 'AIS-COG-LOCAL-AUTH', severity: 'high', uri: 'file:///ws/b.bicep', range: range(4) }),
  finding({ ruleId: 'AIS-COG-LOCAL-AUTH', severity: 'high', uri: 'file:///ws/a.tf', resourceKey: 'azurerm_x.y' }),
  finding({ ruleId: 'AIS-COG-CMK', kind: 'review', level: 'info', uri: 'file:///ws/a.tf', resourceKey: 'azurerm_x.y' }),
  finding({ ruleId: 'AIS-COG-PUBLIC-NETWORK', severity: 'high', suppressed: true }),
];

function range(line: number) {
  return { start: { line, character: 0 }, end: { line, character: 5 } };
}

describe('client: grouping findings for the tree', () => {
  it('groups by severity worst first, review last, suppressed left out', () => {
    const groups = groupFindings(findings, 'severity', { relativePath: rel });
    assert.deepStrictEqual(
      groups.map((g) => [g.label, g.findings.length]),
      [
        ['High', 2],
        ['Low', 1],
        ['Cannot verify', 1],
      ],
    );
    assert.strictEqual(groups[0].description, '2 issues');
    assert.strictEqual(groups[2].description, '1 to review');
    // Within a group: by file, then line.
    assert.deepStrictEqual(
      groups[0].findings.map((f) => rel(f.uri)),
      ['a.tf', 'b.bicep'],
    );
  });

  it('groups by rule with the rule title and the rule id for the context menu', () => {
    const groups = groupFindings(findings, 'rule', { relativePath: rel, rules: summary([]).rules });
    assert.deepStrictEqual(
      groups.map((g) => g.label),
      ['AIS-COG-LOCAL-AUTH', 'AIS-COG-DIAG', 'AIS-COG-CMK'],
    );
    assert.strictEqual(groups[0].ruleId, 'AIS-COG-LOCAL-AUTH');
    assert.strictEqual(groups[0].description, 'Disable local auth · 2 issues');
    assert.strictEqual(groups[0].worst, 'high');
    assert.strictEqual(groups[2].worst, 'review');
  });

  it('groups by resource per file (same name in two files = two groups)', () => {
    const groups = groupFindings(findings, 'resource', { relativePath: rel });
    assert.deepStrictEqual(
      groups.map((g) => [g.label, g.findings.length]),
      [
        ['account', 2],
        ['azurerm_x.y', 2],
      ],
    );
    assert.match(groups[1].description, /^Microsoft\.CognitiveServices\/accounts · a\.tf · 1 issue, 1 to review$/);
  });

  it('groups by file with the uri (for "fix all in file")', () => {
    const groups = groupFindings(findings, 'file', { relativePath: rel });
    assert.deepStrictEqual(
      groups.map((g) => [g.label, g.uri]),
      [
        ['a.tf', 'file:///ws/a.tf'],
        ['b.bicep', 'file:///ws/b.bicep'],
      ],
    );
    assert.deepStrictEqual(
      groups[1].findings.map((f) => f.range.start.line),
      [4, 9],
    );
  });

  it('keeps group ids stable across refreshes and distinct across groupings', () => {
    const a = groupFindings(findings, 'rule', { relativePath: rel }).map((g) => g.id);
    const b = groupFindings([...findings].reverse(), 'rule', { relativePath: rel }).map((g) => g.id);
    assert.deepStrictEqual(a, b);
    assert.notDeepStrictEqual(groupFindings(findings, 'file', { relativePath: rel })[0].id, a[0]);
  });

  it('returns no groups when everything is suppressed', () => {
    assert.deepStrictEqual(groupFindings([findings[4]], 'severity', { relativePath: rel }), []);
  });

  it('leaf text: rule id (or the resource when grouped by rule) and where', () => {
    const f = findings[1];
    assert.deepStrictEqual(leafText(f, 'rule', rel), { label: 'account', description: 'b.bicep:5' });
    assert.deepStrictEqual(leafText(f, 'severity', rel), {
      label: 'AIS-COG-LOCAL-AUTH',
      description: 'account · b.bicep:5',
    });
    assert.deepStrictEqual(leafText(f, 'file', rel), { label: 'AIS-COG-LOCAL-AUTH', description: 'account · line 5' });
    assert.deepStrictEqual(leafText(f, 'resource', rel), { label: 'AIS-COG-LOCAL-AUTH', description: 'line 5' });
    assert.strictEqual(leafText({ ...f, resourceKey: '' }, 'rule', rel).label, '(template)');
  });
});

describe('client: status bar text', () => {
  it('counts unsuppressed findings, review apart', () => {
    assert.deepStrictEqual(countsOf(summary(findings)), { high: 2, medium: 0, low: 1, review: 1 });
  });

  it('shows the non-zero severities', () => {
    const text = statusText({ high: 2, medium: 0, low: 1, review: 1 }, false);
    assert.strictEqual(text.text, '$(shield) aisec: 2 high · 1 low');
    assert.match(text.tooltip, /Cannot verify \(needs review\): 1/);
  });

  it('says "no issues" with a check when clean, spins while scanning or starting', () => {
    assert.strictEqual(statusText({ high: 0, medium: 0, low: 0, review: 3 }, false).text, '$(pass) aisec: no issues');
    assert.strictEqual(
      statusText({ high: 0, medium: 1, low: 0, review: 0 }, true).text,
      '$(sync~spin) aisec: 1 medium',
    );
    assert.strictEqual(statusText(undefined, false).text, '$(sync~spin) aisec');
  });
});
