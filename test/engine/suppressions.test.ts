// Suppressions (DESIGN §5): every syntax, scope (line / resource), expiry, unused and reason checks.
import assert from 'node:assert/strict';
import { readPeerComment, readSuppressions } from '../../server/src/engine';
import { LineIndex, type ParsedDocument, type Rule } from '../../server/src/model';
import { checkFiles, OPEN_ACCOUNT, summary } from './helpers';

const ONLY = /LOCAL-AUTH|PUBLIC-NETWORK|^aisec\//;

function withLineAbove(marker: string, comment: string): string {
  return OPEN_ACCOUNT.replace(marker, `${comment}\n${marker}`);
}

describe('engine: suppressions', () => {
  it('reports both findings without suppressions (baseline)', async () => {
    const { findings, line } = await checkFiles({ 'main.bicep': OPEN_ACCOUNT });
    assert.deepEqual(summary(findings, line, ONLY), ['AIS-COG-LOCAL-AUTH@10', 'AIS-COG-PUBLIC-NETWORK@11']);
  });

  it('next-line comment suppresses the finding on the next line and keeps it with its justification', async () => {
    const text = withLineAbove(
      '    disableLocalAuth',
      '    // aisec-disable-next-line AIS-COG-LOCAL-AUTH -- legacy client until Q3',
    );
    const { findings, line } = await checkFiles({ 'main.bicep': text });
    assert.deepEqual(summary(findings, line, ONLY), ['AIS-COG-LOCAL-AUTH@11!', 'AIS-COG-PUBLIC-NETWORK@12']);
    const suppressed = findings.find((f) => f.suppression)!;
    assert.equal(suppressed.suppression?.justification, 'legacy client until Q3');
    assert.equal(suppressed.suppression?.kind, 'inSource');
    assert.equal(suppressed.suppression?.source, 'aisec');
  });

  it('above a resource declaration covers every finding of the listed rules on that resource', async () => {
    const text = `// aisec-disable-next-line AIS-COG-LOCAL-AUTH, AIS-COG-PUBLIC-NETWORK -- sandbox\n${OPEN_ACCOUNT}`;
    const { findings, line } = await checkFiles({ 'main.bicep': text });
    assert.deepEqual(summary(findings, line, ONLY), ['AIS-COG-LOCAL-AUTH@11!', 'AIS-COG-PUBLIC-NETWORK@12!']);
    // Other rules on the same resource are not covered.
    assert.ok(findings.some((f) => f.ruleId === 'AIS-COG-CMK' && !f.suppression));
  });

  it('skips blank and comment-only lines to find the line it covers (stacked tool comments)', async () => {
    const text = `// aisec-disable-next-line AIS-COG-LOCAL-AUTH -- sandbox\n// another tool's note\n\n${OPEN_ACCOUNT}`;
    const { findings, line } = await checkFiles({ 'main.bicep': text });
    assert.ok(summary(findings, line, ONLY).includes('AIS-COG-LOCAL-AUTH@13!'));
  });

  it('does not cover findings on other lines or of other rules', async () => {
    const text = withLineAbove(
      '    disableLocalAuth',
      '    // aisec-disable-next-line AIS-COG-PUBLIC-NETWORK -- wrong line',
    );
    const { findings, line } = await checkFiles({ 'main.bicep': text });
    const s = summary(findings, line, ONLY);
    assert.ok(s.includes('AIS-COG-LOCAL-AUTH@11'));
    assert.ok(s.includes('AIS-COG-PUBLIC-NETWORK@12'));
    assert.ok(s.includes('aisec/unused-suppression@10'));
  });

  it('an expired suppression stops suppressing and is reported', async () => {
    const text = withLineAbove(
      '    disableLocalAuth',
      '    // aisec-disable-next-line AIS-COG-LOCAL-AUTH -- migration until 2026-05-31',
    );
    const { findings, line } = await checkFiles({ 'main.bicep': text }, {}, '2026-06-01');
    const s = summary(findings, line, ONLY);
    assert.ok(s.includes('AIS-COG-LOCAL-AUTH@11'), s.join());
    const expired = findings.find((f) => f.ruleId === 'aisec/expired-suppression');
    assert.ok(expired, 'expired suppression reported');
    assert.match(expired.message, /expired on 2026-05-31/);
    assert.equal(expired.level, 'warning');
    assert.equal(line(expired), 10);
  });

  it('the until date is inclusive', async () => {
    const text = withLineAbove(
      '    disableLocalAuth',
      '    // aisec-disable-next-line AIS-COG-LOCAL-AUTH -- x until 2026-06-01',
    );
    const { findings, line } = await checkFiles({ 'main.bicep': text }, {}, '2026-06-01');
    assert.ok(summary(findings, line, ONLY).includes('AIS-COG-LOCAL-AUTH@11!'));
    assert.ok(!findings.some((f) => f.ruleId === 'aisec/expired-suppression'));
  });

  it('an unused suppression is a hint; an unknown rule id is reported as such', async () => {
    const text = `// aisec-disable-next-line AIS-COG-CMK\nparam x string\n// aisec-disable-next-line AIS-NOPE-NOTHING -- typo\n${OPEN_ACCOUNT}`;
    const { findings } = await checkFiles({ 'main.bicep': text });
    const unused = findings.filter((f) => f.ruleId === 'aisec/unused-suppression');
    assert.equal(unused.length, 2);
    assert.ok(unused.every((f) => f.hint === true && f.level === 'info'));
    assert.ok(unused.some((f) => /AIS-NOPE-NOTHING/.test(f.message)));
  });

  it('requireSuppressionReason reports a suppression without a reason (and it still suppresses)', async () => {
    const text = withLineAbove('    disableLocalAuth', '    // aisec-disable-next-line AIS-COG-LOCAL-AUTH');
    const off = await checkFiles({ 'main.bicep': text });
    assert.ok(!off.findings.some((f) => f.ruleId === 'aisec/missing-reason'));
    const on = await checkFiles({ 'main.bicep': text }, { requireSuppressionReason: true });
    const missing = on.findings.find((f) => f.ruleId === 'aisec/missing-reason');
    assert.ok(missing);
    assert.equal(on.line(missing), 10);
    assert.ok(summary(on.findings, on.line, ONLY).includes('AIS-COG-LOCAL-AUTH@11!'));
  });

  it("honours Checkov's skip comment for the rules that map to its id", async () => {
    const text = withLineAbove(
      '    disableLocalAuth',
      '    // checkov:skip=CKV_AZURE_236:keys needed by the batch job',
    );
    const { findings, line } = await checkFiles({ 'main.bicep': text });
    assert.deepEqual(summary(findings, line, ONLY), ['AIS-COG-LOCAL-AUTH@11!', 'AIS-COG-PUBLIC-NETWORK@12']);
    const suppressed = findings.find((f) => f.suppression)!;
    assert.equal(suppressed.suppression?.source, 'checkov');
    assert.equal(suppressed.suppression?.justification, 'keys needed by the batch job');
    // A peer id no aisec rule maps to is ignored, and peers' comments are never reported as unused.
    const other = withLineAbove('    disableLocalAuth', '    // checkov:skip=CKV_AZURE_1:unrelated');
    const second = await checkFiles({ 'main.bicep': other });
    assert.ok(summary(second.findings, second.line, ONLY).includes('AIS-COG-LOCAL-AUTH@11'));
    assert.ok(!second.findings.some((f) => f.ruleId.startsWith('aisec/')));
  });

  it('a Checkov comment inside a resource block covers the whole resource', async () => {
    const text = OPEN_ACCOUNT.replace(
      "  kind: 'OpenAI'",
      "  // checkov:skip=CKV_AZURE_134:internal only\n  kind: 'OpenAI'",
    );
    const { findings, line } = await checkFiles({ 'main.bicep': text });
    assert.ok(summary(findings, line, ONLY).includes('AIS-COG-PUBLIC-NETWORK@12!'));
  });

  it('parses tfsec and trivy ignores, with expiry', () => {
    assert.deepEqual(readPeerComment(' tfsec:ignore:azure-cognitive-local-auth'), [
      { source: 'tfsec', ids: ['azure-cognitive-local-auth'], until: undefined },
    ]);
    assert.deepEqual(readPeerComment('trivy:ignore:AVD-AZU-0099:exp:2025-01-31 trivy:ignore:AVD-AZU-0100'), [
      { source: 'trivy', ids: ['AVD-AZU-0099'], until: '2025-01-31' },
      { source: 'trivy', ids: ['AVD-AZU-0100'], until: undefined },
    ]);
    assert.deepEqual(readPeerComment('checkov:skip=CKV_AZURE_236'), [
      { source: 'checkov', ids: ['CKV_AZURE_236'], reason: undefined },
    ]);
  });

  it('maps trivy/tfsec ids through meta.peers.trivy and applies their expiry', () => {
    const fakeRule: Rule = {
      meta: {
        id: 'AIS-TEST-RULE',
        title: 't',
        severity: 'high',
        pillar: 'identity',
        resourceTypes: [],
        peers: { trivy: ['AVD-AZU-0099', 'azure-test-rule'] },
      },
      check: () => undefined,
    };
    const text = '# trivy:ignore:AVD-AZU-0099\nx = 1\n# tfsec:ignore:azure-test-rule:exp:2020-01-01\ny = 2\n';
    const document: ParsedDocument = {
      uri: 'file:///ws/main.tf',
      language: 'terraform',
      text,
      lines: new LineIndex(text),
      resources: [],
      syntaxProblems: [],
      comments: [
        { span: { start: 0, end: 27 }, text: ' trivy:ignore:AVD-AZU-0099' },
        { span: { start: 34, end: 79 }, text: ' tfsec:ignore:azure-test-rule:exp:2020-01-01' },
      ],
    };
    const directives = readSuppressions(document, '2026-01-01', [fakeRule]);
    assert.equal(directives.length, 2);
    assert.deepEqual(directives[0].ruleIds, ['AIS-TEST-RULE']);
    assert.equal(directives[0].targetLine, 1);
    assert.equal(directives[0].expired, false);
    assert.equal(directives[1].source, 'tfsec');
    assert.equal(directives[1].expired, true);
  });
});

describe('engine: suppressions in Terraform and ARM', () => {
  const TF = `resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-test"
  location                      = "swedencentral"
  resource_group_name           = "rg"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-test"
  local_auth_enabled            = true
  public_network_access_enabled = true
}
`;
  const ARM = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.CognitiveServices/accounts",
      "apiVersion": "2024-10-01",
      "name": "oai-test",
      "location": "swedencentral",
      "kind": "OpenAI",
      "sku": { "name": "S0" },
      "properties": {
        "customSubDomainName": "oai-test",
        "disableLocalAuth": false,
        "publicNetworkAccess": "Enabled"
      }
    }
  ]
}
`;

  it('Terraform: # and // comments, on the line or above the resource', async () => {
    const hash = TF.replace(
      '  local_auth_enabled',
      '  # aisec-disable-next-line AIS-COG-LOCAL-AUTH -- legacy\n  local_auth_enabled',
    );
    const first = await checkFiles({ 'main.tf': hash });
    assert.deepEqual(summary(first.findings, first.line, ONLY), ['AIS-COG-LOCAL-AUTH@9!', 'AIS-COG-PUBLIC-NETWORK@10']);
    const slashes = `// aisec-disable-next-line AIS-COG-PUBLIC-NETWORK, AIS-COG-LOCAL-AUTH -- sandbox\n${TF}`;
    const second = await checkFiles({ 'main.tf': slashes });
    assert.deepEqual(summary(second.findings, second.line, ONLY), [
      'AIS-COG-LOCAL-AUTH@9!',
      'AIS-COG-PUBLIC-NETWORK@10!',
    ]);
  });

  it('Terraform: #checkov:skip inside the resource block covers the resource', async () => {
    const text = TF.replace('  kind ', '  #checkov:skip=CKV_AZURE_236:batch client\n  kind ');
    const { findings, line } = await checkFiles({ 'main.tf': text });
    assert.deepEqual(summary(findings, line, ONLY), ['AIS-COG-LOCAL-AUTH@9!', 'AIS-COG-PUBLIC-NETWORK@10']);
  });

  it('ARM JSONC: // comment above a property and above a resource', async () => {
    const onLine = ARM.replace(
      '        "disableLocalAuth"',
      '        // aisec-disable-next-line AIS-COG-LOCAL-AUTH -- legacy\n        "disableLocalAuth"',
    );
    const first = await checkFiles({ 'main.json': onLine });
    assert.deepEqual(summary(first.findings, first.line, ONLY), [
      'AIS-COG-LOCAL-AUTH@15!',
      'AIS-COG-PUBLIC-NETWORK@16',
    ]);
    const above = ARM.replace(
      '    {\n      "type"',
      '    // aisec-disable-next-line AIS-COG-PUBLIC-NETWORK -- x\n    {\n      "type"',
    );
    const second = await checkFiles({ 'main.json': above });
    assert.deepEqual(summary(second.findings, second.line, ONLY), [
      'AIS-COG-LOCAL-AUTH@15',
      'AIS-COG-PUBLIC-NETWORK@16!',
    ]);
  });

  it('ARM metadata.aisec.suppress covers the resource; expired entries are reported', async () => {
    const metadata = (until: string) =>
      ARM.replace(
        '      "kind": "OpenAI",',
        `      "kind": "OpenAI",\n      "metadata": { "aisec": { "suppress": [ { "rule": "AIS-COG-LOCAL-AUTH", "reason": "legacy", "until": "${until}" } ] } },`,
      );
    const active = await checkFiles({ 'main.json': metadata('2030-01-01') });
    assert.deepEqual(summary(active.findings, active.line, ONLY), [
      'AIS-COG-LOCAL-AUTH@15!',
      'AIS-COG-PUBLIC-NETWORK@16',
    ]);
    const suppressed = active.findings.find((f) => f.suppression)!;
    assert.equal(suppressed.suppression?.source, 'arm-metadata');
    assert.equal(suppressed.suppression?.justification, 'legacy');
    const expired = await checkFiles({ 'main.json': metadata('2020-01-01') });
    assert.deepEqual(summary(expired.findings, expired.line, ONLY), [
      'AIS-COG-LOCAL-AUTH@15',
      'AIS-COG-PUBLIC-NETWORK@16',
      'aisec/expired-suppression@11',
    ]);
  });
});
