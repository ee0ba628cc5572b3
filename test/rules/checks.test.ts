// The rule helpers in server/src/model/checks.ts: certainty, candidates, messages, kinds, fixes and the
// cross-resource searches, on hand-built resources (no front end involved).
import assert from 'node:assert/strict';
import {
  equals,
  findDiagnosticSetting,
  findPrivateEndpoint,
  getPath,
  judge,
  make,
  oneOf,
  refersTo,
  resourceLabel,
  UNKNOWN_PART,
} from '../../server/src/model';
import { ruleById } from '../../rules';
import { fromJson, MemoryWorkspace, resource, runRule, unknown } from './support';

const ACCOUNT = 'Microsoft.CognitiveServices/accounts';

function account(properties: Record<string, unknown>, extra: Record<string, unknown> = {}, key = 'openai') {
  return resource({
    type: ACCOUNT,
    key,
    body: { name: `${key}-prod`, kind: 'OpenAI', sku: { name: 'S0' }, properties, ...extra },
  });
}

function rule(id: string) {
  const found = ruleById(id);
  assert.ok(found, `rule ${id} is registered`);
  return found;
}

describe('checks: judge', () => {
  it('judges known values, absence and plain unknowns', () => {
    assert.equal(judge(fromJson(true), equals(true), 'fail').outcome, 'pass');
    assert.equal(judge(fromJson(false), equals(true), 'fail').outcome, 'fail');
    assert.equal(judge(undefined, equals(true), 'fail').outcome, 'fail');
    assert.equal(judge(undefined, equals(true), 'pass').outcome, 'pass');
    assert.equal(judge(fromJson(unknown('depends on x')), equals(true), 'fail').outcome, 'unknown');
  });

  it('compares enum strings case-insensitively', () => {
    assert.equal(judge(fromJson('disabled'), equals('Disabled'), 'fail').outcome, 'pass');
    assert.equal(judge(fromJson('DENY'), oneOf('Allow', 'Deny'), 'fail').outcome, 'pass');
  });

  it('fails when any candidate fails and reports that candidate at the use site', () => {
    const value = fromJson(unknown("depends on parameter 'p', which has no default", { candidates: [true, false] }));
    const judgement = judge(value, equals(true), 'fail');
    assert.equal(judgement.outcome, 'fail');
    assert.equal(judgement.failingValue, false);
    assert.deepEqual(judgement.value?.span, value.span);
  });

  it('passes when every candidate passes, and is unknown when a candidate is unknown', () => {
    assert.equal(judge(fromJson(unknown('r', { candidates: [true] })), equals(true), 'fail').outcome, 'pass');
    const mixed = fromJson(unknown('r', { candidates: [true, unknown('inner')] }));
    assert.equal(judge(mixed, equals(true), 'fail').outcome, 'unknown');
  });

  it('hands unknown parts of known containers to the predicate as UNKNOWN_PART', () => {
    const seen: unknown[] = [];
    judge(fromJson(['a', unknown('x')]), (value) => (seen.push(value), true), 'fail');
    assert.deepEqual(seen, [['a', UNKNOWN_PART]]);
  });
});

describe('checks: messages and vocabulary', () => {
  it('names the resource by kind and literal name', () => {
    assert.equal(resourceLabel(account({})), "Azure OpenAI account 'openai-prod'");
    const speech = resource({ type: ACCOUNT, key: 's', body: { name: 'speech', kind: 'SpeechServices' } });
    assert.equal(resourceLabel(speech), "Cognitive Services account 'speech'");
  });

  it('quotes one short line of a long open-ended expression in a cannot-verify reason', () => {
    const text = `{ for k, v in {\n  kind = var.kind\n${'  x = var.y\n'.repeat(20)}} : k => v if v != null }`;
    const body = make.object(
      [],
      { start: 0, end: 1 },
      { openEnded: make.unknown(text, 'is a for expression', { start: 0, end: 1 }) },
    );
    const value = getPath(body, 'properties.publicNetworkAccess');
    assert.equal(value?.kind, 'unknown');
    const reason = value?.kind === 'unknown' ? value.reason : '';
    assert.ok(reason.startsWith("'properties' may be set by { for k, v in { kind = var.kind x"), reason);
    assert.ok(!reason.includes('\n') && reason.length < 100, reason);
  });

  it('shortens a name that is a long expression', () => {
    const key = `accounts/[format('{0}/{1}', parameters('accountName'), ${'x'.repeat(120)})]`;
    const long = resource({ type: ACCOUNT, key, body: { name: unknown('computed'), kind: 'SpeechServices' } });
    const label = resourceLabel(long);
    assert.ok(label.startsWith("Cognitive Services account 'accounts/[format("), label);
    assert.ok(label.endsWith("…'") && label.length < 120, label);
  });

  it('speaks ARM paths for Bicep/ARM and azurerm attributes for azurerm resources', () => {
    const [arm] = runRule(rule('AIS-COG-LOCAL-AUTH'), [account({ disableLocalAuth: false })]);
    assert.equal(
      arm.message,
      "Azure OpenAI account 'openai-prod' allows key (local) authentication: set properties.disableLocalAuth to true.",
    );
    assert.equal(arm.fixes?.[0].title, 'Set disableLocalAuth to true');
    const tf = resource({
      type: ACCOUNT,
      key: 'azurerm_cognitive_account.openai',
      sourceType: 'azurerm_cognitive_account',
      body: { name: 'oai-prod', kind: 'AIServices', properties: {} },
    });
    const [finding] = runRule(rule('AIS-COG-LOCAL-AUTH'), [tf]);
    assert.equal(
      finding.message,
      "AI Services account 'oai-prod' allows key (local) authentication: set local_auth_enabled = false.",
    );
    assert.equal(finding.fixes?.[0].title, 'Set local_auth_enabled = false');
    assert.equal(finding.fixes?.[0].applicability, 'safe');
    assert.deepEqual(
      finding.fixes?.[0].edits.map((e) => (e.kind === 'set' ? [e.path, e.value] : e.kind)),
      [['properties.disableLocalAuth', true]],
    );
  });

  it('reports an unknown value as "cannot verify … because …" without a fix', () => {
    const value = unknown("depends on parameter 'disableKeys', which has no default");
    const [finding] = runRule(rule('AIS-COG-LOCAL-AUTH'), [account({ disableLocalAuth: value })]);
    assert.equal(finding.certainty, 'unverifiable');
    assert.equal(
      finding.message,
      "Cannot verify that Azure OpenAI account 'openai-prod' disables key (local) authentication because " +
        "properties.disableLocalAuth depends on parameter 'disableKeys', which has no default.",
    );
    assert.equal(finding.fixes, undefined);
  });

  it('mentions the failing candidate and its reason', () => {
    const value = unknown("depends on parameter 'pna', which has no default", { candidates: ['Disabled', 'Enabled'] });
    const [finding] = runRule(rule('AIS-COG-PUBLIC-NETWORK'), [account({ publicNetworkAccess: value })]);
    assert.equal(finding.certainty, undefined);
    assert.match(finding.message, /publicNetworkAccess can be "Enabled": depends on parameter 'pna'/);
  });
});

describe('checks: rules with alternatives, kinds and dependent fixes', () => {
  it('NETWORK-ACLS passes with either PNA Disabled or defaultAction Deny', () => {
    const acls = rule('AIS-COG-NETWORK-ACLS');
    assert.equal(runRule(acls, [account({ publicNetworkAccess: 'Disabled' })]).length, 0);
    assert.equal(runRule(acls, [account({ networkAcls: { defaultAction: 'deny' } })]).length, 0);
    assert.equal(runRule(acls, [account({ networkAcls: { defaultAction: 'Allow' } })]).length, 1);
    const unknownPna = runRule(acls, [account({ publicNetworkAccess: unknown('depends on p') })]);
    assert.equal(unknownPna[0].certainty, 'unverifiable');
    assert.equal(unknownPna[0].path, 'properties.publicNetworkAccess');
  });

  it('NETWORK-ACLS fix is safe with a subdomain and adds one (unsafe) without', () => {
    const acls = rule('AIS-COG-NETWORK-ACLS');
    const [withSubdomain] = runRule(acls, [account({ customSubDomainName: 'x' })]);
    assert.equal(withSubdomain.fixes?.[0].applicability, 'safe');
    const [without] = runRule(acls, [account({})]);
    assert.equal(without.fixes?.[0].applicability, 'unsafe');
    assert.deepEqual(
      without.fixes?.[0].edits.map((e) => (e.kind === 'set' ? [e.path, e.value] : e.kind)),
      [
        ['properties.customSubDomainName', 'openai-prod'],
        ['properties.networkAcls.defaultAction', 'Deny'],
      ],
    );
    const unnamed = account({}, { name: unknown('depends on parameter name') });
    // No subdomain can be proposed: only the alternative, switching public access off, is offered.
    assert.deepEqual(
      runRule(acls, [unnamed])[0].fixes?.map((f) => f.title),
      ["Set publicNetworkAccess to 'Disabled'"],
    );
  });

  it('CUSTOM-SUBDOMAIN proposes the lower-cased literal name as an unsafe fix', () => {
    const [finding] = runRule(rule('AIS-COG-CUSTOM-SUBDOMAIN'), [account({}, { name: 'OAI-Prod' })]);
    assert.equal(finding.fixes?.[0].applicability, 'unsafe');
    assert.equal(finding.fixes?.[0].title, "Set customSubDomainName to 'oai-prod'");
  });

  it('OUTBOUND-RESTRICT applies to OpenAI and AIServices only; restricted without a list blocks all, and passes', () => {
    const outbound = rule('AIS-COG-OUTBOUND-RESTRICT');
    const speech = account({}, { kind: 'SpeechServices' });
    assert.equal(runRule(outbound, [speech]).length, 0);
    assert.equal(runRule(outbound, [account({ restrictOutboundNetworkAccess: true })]).length, 0);
    assert.equal(runRule(outbound, [account({ restrictOutboundNetworkAccess: true, allowedFqdnList: [] })]).length, 0);
    const [open] = runRule(outbound, [account({})]);
    assert.deepEqual(
      open.fixes?.[0].edits.map((e) => (e.kind === 'set' ? [e.path, e.value] : e.kind)),
      [
        ['properties.restrictOutboundNetworkAccess', true],
        ['properties.allowedFqdnList', []],
      ],
    );
    assert.equal(runRule(outbound, [speech], { kinds: ['SpeechServices'] }).length, 1, 'the kinds option is read');
  });

  it('reports "cannot verify" on an unknown kind only when the account would fail', () => {
    const cmk = rule('AIS-COG-CMK');
    const unknownKind = account({}, { kind: unknown("depends on parameter 'kind', which has no default") });
    const [finding] = runRule(cmk, [unknownKind]);
    assert.equal(finding.certainty, 'unverifiable');
    assert.equal(finding.path, 'kind');
    const encrypted = account({ encryption: { keySource: 'Microsoft.KeyVault' } }, { kind: unknown('k') });
    assert.equal(runRule(cmk, [encrypted]).length, 0);
    const vision = account({}, { kind: 'ComputerVision' });
    assert.equal(runRule(cmk, [vision]).length, 0);
  });

  it('MANAGED-IDENTITY accepts system, user or both identities, and fails None', () => {
    const mi = rule('AIS-COG-MANAGED-IDENTITY');
    for (const type of [
      'SystemAssigned',
      'UserAssigned',
      'SystemAssigned, UserAssigned',
      'systemassigned,userassigned',
    ]) {
      assert.equal(runRule(mi, [account({}, { identity: { type } })]).length, 0, type);
    }
    assert.equal(runRule(mi, [account({}, { identity: { type: 'None' } })]).length, 1);
  });
});

describe('checks: cross-resource searches', () => {
  const target = account({});
  const workspace = (...others: ReturnType<typeof resource>[]) => new MemoryWorkspace([target, ...others]);
  const endpoint = (
    privateLinkServiceId: unknown,
    groupIds: unknown = ['account'],
    list = 'privateLinkServiceConnections',
  ) =>
    resource({
      type: 'Microsoft.Network/privateEndpoints',
      key: 'pe',
      body: { name: 'pe-x', properties: { [list]: [{ name: 'c', properties: { privateLinkServiceId, groupIds } }] } },
    });

  it('refersTo resolves references, ARM ids and relative scope ids', () => {
    const ws = workspace();
    assert.equal(
      refersTo(ws, fromJson(unknown('ref', { reference: { key: 'openai', attribute: 'id' } })), target, target),
      'yes',
    );
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/openai-prod';
    assert.equal(refersTo(ws, fromJson(id), target, target), 'yes');
    assert.equal(refersTo(ws, fromJson(id.replace('openai-prod', 'other')), target, target), 'no');
    assert.equal(refersTo(ws, fromJson('Microsoft.CognitiveServices/accounts/openai-prod'), target, target), 'yes');
    assert.equal(refersTo(ws, fromJson(unknown("depends on parameter 'id'")), target, target), 'unknown');
    const byType = unknown('resourceId', {
      reference: { type: 'Microsoft.Storage/storageAccounts', name: fromJson('st'), attribute: 'id' },
    });
    assert.equal(refersTo(ws, fromJson(byType), target, target), 'no');
  });

  it('finds a private endpoint with group account, manual or not', () => {
    const ref = unknown('ref', { reference: { key: 'openai', attribute: 'id' } });
    assert.equal(findPrivateEndpoint(workspace(endpoint(ref)), target, 'account').match, 'yes');
    const manual = endpoint(ref, ['account'], 'manualPrivateLinkServiceConnections');
    assert.equal(findPrivateEndpoint(workspace(manual), target, 'account').match, 'yes');
    assert.equal(findPrivateEndpoint(workspace(endpoint(ref, ['blob'])), target, 'account').match, 'no');
    const unresolved = findPrivateEndpoint(workspace(endpoint(unknown("depends on parameter 't'"))), target, 'account');
    assert.equal(unresolved.match, 'unknown');
    assert.match(unresolved.reason ?? '', /the target of private endpoint 'pe-x' depends on parameter 't'/);
    assert.equal(findPrivateEndpoint(workspace(), target, 'account').match, 'no');
  });

  it('finds a complete diagnostic setting and names a deficient one', () => {
    const setting = (
      properties: Record<string, unknown>,
      scope: unknown = unknown('s', { reference: { key: 'openai', attribute: '' } }),
    ) =>
      resource({
        type: 'Microsoft.Insights/diagnosticSettings',
        key: 'diag',
        body: { name: 'diag-x', properties },
        scope,
      });
    const logs = [{ categoryGroup: 'allLogs', enabled: true }];
    assert.equal(findDiagnosticSetting(workspace(setting({ workspaceId: unknown('p'), logs })), target).match, 'yes');
    const noDestination = findDiagnosticSetting(workspace(setting({ logs })), target);
    assert.deepEqual([noDestination.match, noDestination.deficiency], ['no', 'has no destination']);
    const disabled = findDiagnosticSetting(
      workspace(setting({ workspaceId: 'w', logs: [{ categoryGroup: 'allLogs', enabled: false }] })),
      target,
    );
    assert.deepEqual([disabled.match, disabled.deficiency], ['no', 'sends no logs']);
    const otherScope = setting({ workspaceId: 'w', logs }, 'Microsoft.Storage/storageAccounts/st');
    assert.equal(findDiagnosticSetting(workspace(otherScope), target).match, 'no');
    const unknownScope = setting({ workspaceId: 'w', logs }, unknown("depends on parameter 'scope'"));
    assert.equal(findDiagnosticSetting(workspace(unknownScope), target).match, 'unknown');
  });
});
