// Behaviour of the AIS-OAI/ML/MLC/MLE/SRCH rules that fixtures cannot show: rule options from .aisec.json
// (the fixture harness runs default options), fix applicability, and message vocabulary per dialect.
import assert from 'node:assert/strict';
import { ruleById } from '../../rules';
import { parseEntry } from '../../rules/oai/ais-oai-model-allowlist';
import { admitsEveryAddress } from '../../rules/srch/ais-srch-ip-rules';
import { resource, runRule, unknown } from './support';

const DEPLOYMENT = 'Microsoft.CognitiveServices/accounts/deployments';
const RAI = 'Microsoft.CognitiveServices/accounts/raiPolicies';
const WORKSPACE = 'Microsoft.MachineLearningServices/workspaces';
const COMPUTE = 'Microsoft.MachineLearningServices/workspaces/computes';
const ENDPOINT = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';
const SEARCH = 'Microsoft.Search/searchServices';

function rule(id: string) {
  const found = ruleById(id);
  assert.ok(found, `rule ${id} is registered`);
  return found;
}

function deployment(model: Record<string, unknown>, extra: Record<string, unknown> = {}, key = 'chat') {
  return resource({ type: DEPLOYMENT, key, body: { name: key, properties: { model, ...extra } } });
}

describe('AIS-OAI-MODEL-ALLOWLIST', () => {
  const allowList = rule('AIS-OAI-MODEL-ALLOWLIST');
  const options = { allowedModels: ['OpenAI/gpt-4o@2024-11-20', 'gpt-4o-mini', 'OpenAI/text-embedding-3-*'] };

  it('reports nothing without an allow-list', () => {
    assert.deepEqual(runRule(allowList, [deployment({ format: 'OpenAI', name: 'o1', version: '1' })]), []);
  });

  it('admits listed models, any version of version-less entries, and wildcards', () => {
    const ok = [
      deployment({ format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }, {}, 'a'),
      deployment({ format: 'OpenAI', name: 'GPT-4o-mini', version: '2024-07-18' }, {}, 'b'),
      deployment({ format: 'OpenAI', name: 'text-embedding-3-large', version: '1' }, {}, 'c'),
    ];
    assert.deepEqual(runRule(allowList, ok, options), []);
  });

  it('reports other models, other versions, and a missing version where the entry pins one', () => {
    const bad = [
      deployment({ format: 'OpenAI', name: 'o1', version: '2024-12-17' }, {}, 'a'),
      deployment({ format: 'OpenAI', name: 'gpt-4o', version: '2024-05-13' }, {}, 'b'),
      deployment({ format: 'OpenAI', name: 'gpt-4o' }, {}, 'c'),
    ];
    const findings = runRule(allowList, bad, options);
    assert.equal(findings.length, 3);
    assert.ok(findings.every((f) => f.certainty === undefined));
    assert.match(findings[0].message, /deploys model OpenAI\/o1@2024-12-17, which is not on the approved list/);
  });

  it('cannot verify a model name from a parameter', () => {
    const findings = runRule(
      allowList,
      [deployment({ format: 'OpenAI', name: unknown("depends on parameter 'm'"), version: '2024-11-20' })],
      options,
    );
    assert.equal(findings.length, 1);
    assert.equal(findings[0].certainty, 'unverifiable');
  });

  it('parses entries', () => {
    const entry = parseEntry('OpenAI/gpt-4o@2024-11-20');
    assert.ok(entry.format?.test('openai') && entry.name.test('GPT-4O') && entry.version?.test('2024-11-20'));
    assert.equal(parseEntry('gpt-4o').format, undefined);
  });
});

describe('AIS-OAI-RAI-POLICY-SET', () => {
  const policySet = rule('AIS-OAI-RAI-POLICY-SET');

  it('accepts any explicit name by default, and offers Microsoft.DefaultV2 as a safe fix', () => {
    assert.deepEqual(runRule(policySet, [deployment({}, { raiPolicyName: 'anything' })]), []);
    const [finding] = runRule(policySet, [deployment({})]);
    assert.equal(finding.fixes?.[0].applicability, 'safe');
    assert.deepEqual(
      finding.fixes?.[0].edits.map((e) => (e.kind === 'set' ? e.value : undefined)),
      ['Microsoft.DefaultV2'],
    );
  });

  it('with approvedPolicies, reports other names and cannot verify parameters', () => {
    const options = { approvedPolicies: ['strict'] };
    assert.deepEqual(runRule(policySet, [deployment({}, { raiPolicyName: 'STRICT' })], options), []);
    const [other] = runRule(policySet, [deployment({}, { raiPolicyName: 'Microsoft.DefaultV2' })], options);
    assert.match(other.message, /uses content filter "Microsoft.DefaultV2", which is not an approved one/);
    const [param] = runRule(policySet, [deployment({}, { raiPolicyName: unknown('depends on p') })], options);
    assert.equal(param.certainty, 'unverifiable');
  });

  it('judges a reference to a raiPolicies resource by that policy name', () => {
    const policy = resource({ type: RAI, key: 'lenient', body: { name: 'lenient', properties: {} } });
    const dep = deployment(
      {},
      { raiPolicyName: unknown('refers to lenient', { reference: { key: 'lenient', attribute: 'name' } }) },
    );
    assert.deepEqual(runRule(policySet, [policy, dep]), []);
    const [finding] = runRule(policySet, [policy, dep], { approvedPolicies: ['strict'] });
    assert.match(finding.message, /"lenient"/);
  });
});

describe('AIS-OAI-RAI-FILTERS-BLOCKING', () => {
  const filters = rule('AIS-OAI-RAI-FILTERS-BLOCKING');
  const policy = (contentFilters: unknown[]) =>
    resource({ type: RAI, key: 'p', body: { name: 'p', properties: { contentFilters } } });

  it('honours maxSeverityThreshold', () => {
    const high = policy([{ name: 'Hate', enabled: true, blocking: true, severityThreshold: 'High', source: 'Prompt' }]);
    assert.equal(runRule(filters, [high]).length, 1);
    assert.deepEqual(runRule(filters, [high], { maxSeverityThreshold: 'High' }), []);
    const medium = policy([
      { name: 'Hate', enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Prompt' },
    ]);
    assert.equal(runRule(filters, [medium], { maxSeverityThreshold: 'low' }).length, 1);
  });

  it('fixes every failing flag of an entry in one safe edit', () => {
    const [finding] = runRule(filters, [
      policy([{ name: 'Violence', enabled: false, blocking: false, severityThreshold: 'High', source: 'Completion' }]),
    ]);
    assert.match(finding.message, /the Violence filter for completions is switched off and only annotates/);
    assert.equal(finding.fixes?.[0].applicability, 'safe');
    assert.deepEqual(
      finding.fixes?.[0].edits.map((e) => (e.kind === 'set' ? e.path : undefined)),
      [
        'properties.contentFilters.0.enabled',
        'properties.contentFilters.0.blocking',
        'properties.contentFilters.0.severityThreshold',
      ],
    );
  });
});

describe('AIS-MLE-AUTH-MODE', () => {
  const authMode = rule('AIS-MLE-AUTH-MODE');
  const endpoint = (authModeValue: string) =>
    resource({ type: ENDPOINT, key: 'ep', body: { name: 'ep', properties: { authMode: authModeValue } } });

  it('reports AMLToken unless allowed, with its own wording', () => {
    const [finding] = runRule(authMode, [endpoint('AMLToken')]);
    assert.match(finding.message, /workspace-issued tokens rather than Microsoft Entra ID/);
    assert.deepEqual(runRule(authMode, [endpoint('AMLToken')], { allowedModes: ['AADToken', 'AMLToken'] }), []);
    assert.equal(runRule(authMode, [endpoint('Key')], { allowedModes: ['AADToken', 'AMLToken'] }).length, 1);
  });
});

describe('AIS-SRCH rules', () => {
  it('fixing local auth removes authOptions (unsafe) only when present', () => {
    const localAuth = rule('AIS-SRCH-LOCAL-AUTH');
    const withOptions = resource({
      type: SEARCH,
      key: 's',
      body: { name: 's', sku: { name: 'basic' }, properties: { authOptions: { apiKeyOnly: {} } } },
    });
    const [finding] = runRule(localAuth, [withOptions]);
    assert.equal(finding.path, 'properties.authOptions');
    assert.equal(finding.fixes?.[0].applicability, 'unsafe');
    assert.ok(finding.fixes?.[0].edits.some((e) => e.kind === 'remove' && e.path === 'properties.authOptions'));
    const plain = resource({ type: SEARCH, key: 't', body: { name: 't', properties: { disableLocalAuth: false } } });
    assert.equal(runRule(localAuth, [plain])[0].fixes?.[0].applicability, 'safe');
  });

  it('speaks azurerm attributes for azurerm_search_service', () => {
    const service = resource({
      type: SEARCH,
      key: 'azurerm_search_service.s',
      sourceType: 'azurerm_search_service',
      body: { name: 'srch', properties: { publicNetworkAccess: 'enabled' } },
    });
    const [finding] = runRule(rule('AIS-SRCH-PUBLIC-NETWORK'), [service]);
    assert.match(finding.message, /set public_network_access_enabled = false/);
  });

  it('recognises open IP ranges', () => {
    for (const open of ['0.0.0.0/0', ' ::/0 ', '*', 'Any']) assert.ok(admitsEveryAddress(open), open);
    for (const narrow of ['0.0.0.0', '10.0.0.0/8', '203.0.113.7']) assert.ok(!admitsEveryAddress(narrow), narrow);
  });

  it('skip the free tier for managed identity and CMK, and cannot verify an unknown SKU', () => {
    const free = resource({ type: SEARCH, key: 'f', body: { name: 'f', sku: { name: 'Free' }, properties: {} } });
    assert.deepEqual(runRule(rule('AIS-SRCH-MANAGED-IDENTITY'), [free]), []);
    assert.deepEqual(runRule(rule('AIS-SRCH-CMK-ENFORCE'), [free]), []);
    const unknownSku = resource({
      type: SEARCH,
      key: 'u',
      body: { name: 'u', sku: { name: unknown("depends on parameter 'sku'") }, properties: {} },
    });
    const [finding] = runRule(rule('AIS-SRCH-CMK-ENFORCE'), [unknownSku]);
    assert.equal(finding.certainty, 'unverifiable');
    assert.equal(finding.path, 'sku.name');
  });
});

describe('AIS-ML and AIS-MLC kind and parent handling', () => {
  it('checks a workspace whose kind may be a non-project @allowed candidate', () => {
    const ws = resource({
      type: WORKSPACE,
      key: 'w',
      body: {
        name: 'w',
        kind: unknown('depends on parameter kind', { candidates: ['Project', 'Hub'] }),
        properties: {},
      },
    });
    const [finding] = runRule(rule('AIS-ML-PUBLIC-NETWORK'), [ws]);
    assert.equal(finding.certainty, undefined);
  });

  it('skips compute subnets under a managed network found through a reference', () => {
    const ws = resource({
      type: WORKSPACE,
      key: 'ws',
      body: { name: 'mlw', properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } },
    });
    const compute = resource({
      type: COMPUTE,
      key: 'c',
      body: {
        name: 'cluster',
        workspace: unknown('refers to ws', { reference: { key: 'ws', attribute: 'id' } }),
        properties: { computeType: 'AmlCompute', properties: {} },
      },
    });
    assert.deepEqual(runRule(rule('AIS-MLC-VNET'), [ws, compute]), []);
  });

  it('treats an absent cluster SSH setting as closed for azurerm (the provider writes Disabled)', () => {
    const cluster = resource({
      type: COMPUTE,
      key: 'azurerm_machine_learning_compute_cluster.c',
      sourceType: 'azurerm_machine_learning_compute_cluster',
      body: { name: 'c', properties: { computeType: 'AmlCompute', properties: {} } },
    });
    assert.deepEqual(runRule(rule('AIS-MLC-SSH'), [cluster]), []);
  });
});
