// The string pool the language server and `aisec scan` keep reports through: a pooled finding is the same
// finding, field for field (string identity is not observable from JavaScript; the heap figures are in
// the README), with no field added or dropped.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../server/src/engine/finding';
import { StringPool } from '../../server/src/engine/string-pool';

const finding = (extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'AIS-ST-PUBLIC-NETWORK',
  severity: 'high',
  level: 'error',
  kind: 'fail',
  message: "Storage account 'st' allows public network access",
  uri: 'file:///w/main.bicep',
  span: { start: 10, end: 20 },
  resourceKey: 'st',
  resourceType: 'Microsoft.Storage/storageAccounts',
  related: [{ uri: 'file:///w/main.bicepparam', span: { start: 1, end: 2 }, message: 'set here' }],
  fixes: [{ title: 'Disable public network access', applicability: 'safe', edits: [] }],
  ...extra,
});

describe('engine: string pool', () => {
  it('gives back the text it is given, and undefined for undefined', () => {
    const pool = new StringPool();
    const first = pool.intern(['file:///w/', 'a.tf'].join(''));
    assert.equal(pool.intern('file:///w/a.tf'), first);
    assert.equal(pool.intern(undefined), undefined);
  });

  it('pools a finding without changing it: no field added, none dropped', () => {
    const pool = new StringPool();
    for (const original of [
      finding(),
      finding({ path: 'properties.publicNetworkAccess' }),
      finding({
        suppression: { kind: 'inSource', source: 'aisec', span: { start: 0, end: 5 }, uri: 'file:///w/main.bicep' },
      }),
    ]) {
      const pooled = pool.finding(original);
      assert.deepEqual(pooled, original);
      assert.deepEqual(Object.keys(pooled).sort(), Object.keys(original).sort());
    }
  });
});
