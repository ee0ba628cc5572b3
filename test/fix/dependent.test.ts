// Dependent fixes come in order (issue 5): a fix that needs another setting first carries that edit itself.
// A private endpoint or network ACLs on an AI Services account need its custom subdomain.
import assert from 'node:assert/strict';
import { applyTextEdits, realizeFix } from '../../server/src/edit';
import { analyze, initEngine } from './harness';
import { lines } from './support';

const account = (...properties: string[]) =>
  lines(
    "resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
    "  name: 'oai-prod'",
    "  location: 'swedencentral'",
    "  kind: 'OpenAI'",
    "  sku: { name: 'S0' }",
    '  properties: {',
    '    disableLocalAuth: true',
    ...properties,
    '  }',
    '}',
    '',
  );

function fixOf(text: string, ruleId: string) {
  const files = [{ uri: 'file:///ws/main.bicep', text }];
  const before = analyze(files);
  const finding = before.findings.find((f) => f.ruleId === ruleId && f.fixes.length > 0);
  assert.ok(finding, `no ${ruleId} finding with a fix`);
  const fix = finding.fixes[0];
  const realized = realizeFix(fix, (uri) => before.documents.get(uri), { strict: true });
  assert.ok(realized, `${fix.title} not written`);
  const after = applyTextEdits(text, realized.edits.get(files[0].uri) ?? []);
  return { fix, realized, after, reanalysed: analyze([{ uri: files[0].uri, text: after }]) };
}

describe('dependent fixes', () => {
  before(async () => {
    await initEngine();
  });

  it('a private endpoint fix sets the missing custom subdomain in the same fix', () => {
    const { fix, after, reanalysed } = fixOf(account(), 'AIS-COG-PRIVATE-ENDPOINT');
    assert.match(fix.title, /and set customSubDomainName$/);
    assert.equal(fix.applicability, 'unsafe');
    assert.match(after, /customSubDomainName: 'oai-prod'/);
    assert.match(after, /Microsoft\.Network\/privateEndpoints/);
    assert.deepEqual(
      reanalysed.findings.filter((f) => f.ruleId === 'AIS-COG-PRIVATE-ENDPOINT' && f.kind === 'fail'),
      [],
    );
    assert.deepEqual(
      [...reanalysed.documents.values()].flatMap((d) => d.syntaxProblems),
      [],
    );
  });

  it('with a subdomain already set, the private endpoint fix leaves it alone', () => {
    const { fix, after } = fixOf(account("    customSubDomainName: 'oai-prod'"), 'AIS-COG-PRIVATE-ENDPOINT');
    assert.doesNotMatch(fix.title, /customSubDomainName/);
    assert.equal(after.match(/customSubDomainName/g)?.length, 1);
  });

  it('network ACLs without a subdomain set both, in one fix', () => {
    const { fix, after, reanalysed } = fixOf(account(), 'AIS-COG-NETWORK-ACLS');
    assert.equal(fix.title, "Set customSubDomainName and networkAcls.defaultAction to 'Deny'");
    assert.match(after, /customSubDomainName: 'oai-prod'/);
    assert.match(after, /defaultAction: 'Deny'/);
    assert.deepEqual(
      reanalysed.findings.filter((f) => f.ruleId === 'AIS-COG-NETWORK-ACLS' && f.kind === 'fail'),
      [],
    );
  });
});
