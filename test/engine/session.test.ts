// WorkspaceSession: values through several hops (.bicepparam → template → module), affectedBy, incremental
// updates, deletions; and the workspace index (resolve by key / type+name / expression; referrers).
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../server/src/engine';
import { emptyDocument, make, type ParsedDocument, type Resource } from '../../server/src/model';
import { resource } from '../rules/support';
import { checkFiles, ROOT } from './helpers';

const MODULE = `param disableLocalAuth bool

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-mod'
  kind: 'OpenAI'
  properties: {
    disableLocalAuth: disableLocalAuth
  }
}
`;
const MAIN = `param allowKeys bool

module ai 'modules/ai.bicep' = {
  name: 'ai'
  params: {
    disableLocalAuth: !allowKeys
  }
}
`;
const PARAMS = `using 'main.bicep'

param allowKeys = true
`;

describe('engine: workspace session', () => {
  it('a value flows .bicepparam → main.bicep → module, and the finding relates back to the supplier', async () => {
    const { findings, line } = await checkFiles({
      'main.bicep': MAIN,
      'main.bicepparam': PARAMS,
      'modules/ai.bicep': MODULE,
    });
    const localAuth = findings.filter((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH');
    assert.equal(localAuth.length, 1);
    assert.equal(localAuth[0].uri, `${ROOT}/modules/ai.bicep`);
    assert.equal(localAuth[0].kind, 'fail', localAuth[0].message);
    assert.equal(line(localAuth[0]), 7);
    assert.ok(
      localAuth[0].related.some((r) => r.uri === `${ROOT}/main.bicep`),
      JSON.stringify(localAuth[0].related),
    );
  });

  it('without the parameters file the module value cannot be verified (review)', async () => {
    const { findings } = await checkFiles({ 'main.bicep': MAIN, 'modules/ai.bicep': MODULE });
    const localAuth = findings.filter((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH');
    assert.deepEqual(
      localAuth.map((f) => f.kind),
      ['review'],
    );
  });

  it('affectedBy follows links in both directions; updates re-check incrementally', async () => {
    const { session } = await checkFiles({
      'main.bicep': MAIN,
      'main.bicepparam': PARAMS,
      'modules/ai.bicep': MODULE,
      'other.bicep': "param unrelated string = 'x'\n",
    });
    const affected = session.affectedBy(`${ROOT}/main.bicepparam`).sort();
    assert.deepEqual(affected, [`${ROOT}/main.bicep`, `${ROOT}/main.bicepparam`, `${ROOT}/modules/ai.bicep`]);
    assert.deepEqual(session.affectedBy(`${ROOT}/other.bicep`), [`${ROOT}/other.bicep`]);

    const before = session.check([`${ROOT}/modules/ai.bicep`]).get(`${ROOT}/modules/ai.bicep`)!;
    assert.ok(before.some((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH' && f.kind === 'fail'));
    // Same text: nothing to redo (the cached array comes back).
    session.setFile(`${ROOT}/main.bicepparam`, PARAMS);
    assert.equal(session.check([`${ROOT}/modules/ai.bicep`]).get(`${ROOT}/modules/ai.bicep`), before);
    // The deployment turns keys off: the module's finding goes away.
    session.setFile(`${ROOT}/main.bicepparam`, PARAMS.replace('true', 'false'));
    const after = session.check([`${ROOT}/modules/ai.bicep`]).get(`${ROOT}/modules/ai.bicep`)!;
    assert.ok(!after.some((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH'));
    // Deleting the parameters file makes it unverifiable again.
    session.deleteFile(`${ROOT}/main.bicepparam`);
    assert.equal(session.document(`${ROOT}/main.bicepparam`), undefined);
    const deleted = session.check([`${ROOT}/modules/ai.bicep`]).get(`${ROOT}/modules/ai.bicep`)!;
    assert.deepEqual(
      deleted.filter((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH').map((f) => f.kind),
      ['review'],
    );
  });

  it('module cycles do not hang', async () => {
    const a = "module b 'b.bicep' = {\n  name: 'b'\n  params: { x: 1 }\n}\nparam x int\n";
    const b = "module a 'a.bicep' = {\n  name: 'a'\n  params: { x: 2 }\n}\nparam x int\n";
    const { session } = await checkFiles({ 'a.bicep': a, 'b.bicep': b });
    assert.equal(session.documents().length, 2);
  });
});

describe('engine: workspace index', () => {
  const uri = 'file:///ws/main.bicep';
  const doc = (resources: Resource[], at = uri): ParsedDocument => ({
    ...emptyDocument(at, 'bicep', ''),
    resources,
  });
  const account = resource({
    type: 'Microsoft.CognitiveServices/accounts',
    key: 'account',
    body: { name: 'oai-prod' },
  });
  const deployment = resource({
    type: 'Microsoft.CognitiveServices/accounts/deployments',
    key: 'account::gpt',
    body: { name: 'gpt-4o' },
  });
  const child = Object.assign(Object.create(Object.getPrototypeOf(deployment)), deployment, { parentKey: 'account' });
  const byExpression = resource({
    type: 'Microsoft.Storage/storageAccounts',
    key: 'storage',
    body: { name: { $unknown: 'x' } },
  });
  // Patch the unknown name's text to an ARM expression, as the ARM front end writes it.
  const storage = Object.assign(Object.create(Object.getPrototypeOf(byExpression)), byExpression, {
    body: make.object(
      [
        make.property(
          'name',
          { start: 0, end: 1 },
          make.unknown("[parameters('storageName')]", 'p', { start: 0, end: 1 }),
        ),
      ],
      { start: 0, end: 1 },
    ),
  });
  const endpoint = resource({
    type: 'Microsoft.Network/privateEndpoints',
    key: 'pe',
    uri: 'file:///ws/network.bicep',
    body: {
      properties: {
        privateLinkServiceConnections: [
          {
            properties: {
              privateLinkServiceId: {
                $unknown: 'account.id',
                reference: { uri, key: 'account', attribute: 'id' },
              },
            },
          },
        ],
      },
    },
  });
  const viaCandidates = resource({
    type: 'Microsoft.Insights/diagnosticSettings',
    key: 'diag',
    body: {},
    scope: {
      $unknown: 'cond ? a : b',
      candidates: [{ $unknown: 'account', reference: { uri, key: 'account', attribute: '' } }],
    },
  });
  const index = new WorkspaceIndex([
    doc([account, child, storage, viaCandidates]),
    doc([endpoint], 'file:///ws/network.bicep'),
  ]);

  it('resolves by key (in the referring document unless a uri is given)', () => {
    assert.equal(index.resolve({ key: 'account', attribute: 'id' }, account), account);
    assert.equal(index.resolve({ key: 'account', attribute: 'id' }, endpoint), undefined);
    assert.equal(index.resolve({ uri, key: 'account', attribute: 'id' }, endpoint), account);
  });

  it('resolves by ARM type and name, composed names of children, and expression text in its own document', () => {
    const name = (value: string) => make.literal(value, { start: 0, end: 0 });
    assert.equal(
      index.resolve(
        { type: 'microsoft.cognitiveservices/ACCOUNTS', name: name('OAI-PROD'), attribute: 'id' },
        endpoint,
      ),
      account,
    );
    assert.equal(
      index.resolve(
        { type: 'Microsoft.CognitiveServices/accounts/deployments', name: name('oai-prod/gpt-4o'), attribute: 'id' },
        endpoint,
      ),
      child,
    );
    assert.equal(
      index.resolve(
        {
          type: 'Microsoft.Storage/storageAccounts',
          name: make.unknown("parameters( 'storageName' )", 'p', { start: 0, end: 0 }),
          attribute: 'id',
        },
        account,
      ),
      storage,
    );
    // The same parameter name in another template is another value.
    assert.equal(
      index.resolve(
        {
          type: 'Microsoft.Storage/storageAccounts',
          name: make.unknown("parameters('storageName')", 'p', { start: 0, end: 0 }),
          attribute: 'id',
        },
        endpoint,
      ),
      undefined,
    );
    assert.equal(
      index.resolve({ type: 'Microsoft.CognitiveServices/accounts', name: name('other'), attribute: 'id' }, endpoint),
      undefined,
    );
  });

  it('lists referrers across documents, through candidates too, filtered by type', () => {
    const referrers = index.referrers(account);
    assert.deepEqual(referrers.map((r) => `${r.resource.key}@${r.path}`).sort(), [
      'diag@',
      'pe@properties.privateLinkServiceConnections.0.properties.privateLinkServiceId',
    ]);
    assert.deepEqual(
      index.referrers(account, 'Microsoft.Network/privateEndpoints').map((r) => r.resource.key),
      ['pe'],
    );
    assert.deepEqual([...index.relatedDocuments('file:///ws/network.bicep')], [uri]);
    assert.equal(index.resources('Microsoft.Network/privateEndpoints').length, 1);
  });
});
