// Consistency gate for the rule registry (the ESLint checkRuleFiles / Bicep schema-test idea): every rule has
// a unique well-formed id, a docs page with the required sections, fail and pass fixtures in Bicep, ARM and
// Terraform, and the peer ids the rules matrix lists.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, ruleById } from '../../rules';
import type { PeerIds } from '../../server/src/model';

const root = path.resolve(__dirname, '../..');
const docsDir = path.join(root, 'rules/docs');
const fixturesDir = path.join(root, 'test-fixtures/rules');

/** Peers as research/rules-matrix.md §1 lists them (only the rows implemented so far). */
const matrixPeers: Readonly<Record<string, PeerIds>> = {
  'AIS-COG-LOCAL-AUTH': {
    checkov: ['CKV_AZURE_236'],
    psrule: ['Azure.AI.DisableLocalAuth'],
    policy: ['Azure AI Services resources should have key access disabled (disable local authentication)'],
  },
  'AIS-COG-PUBLIC-NETWORK': {
    checkov: ['CKV_AZURE_134'],
    psrule: ['Azure.AI.PrivateEndpoints'],
    policy: ['Configure Cognitive Services accounts to disable public network access'],
  },
  'AIS-COG-NETWORK-ACLS': {
    psrule: ['Azure.AI.PublicAccess'],
    policy: ['Azure AI Services resources should restrict network access'],
  },
  'AIS-COG-PRIVATE-ENDPOINT': {
    psrule: ['Azure.AI.PrivateEndpoints'],
    policy: ['Azure AI Services resources should use Azure Private Link'],
  },
  'AIS-COG-CUSTOM-SUBDOMAIN': {},
  'AIS-COG-OUTBOUND-RESTRICT': { checkov: ['CKV_AZURE_247'] },
  'AIS-COG-CMK': {
    checkov: ['CKV2_AZURE_22'],
    policy: ['Azure AI Services resources should encrypt data at rest with a customer-managed key (CMK)'],
  },
  'AIS-COG-MANAGED-IDENTITY': {
    checkov: ['CKV_AZURE_238'],
    psrule: ['Azure.AI.ManagedIdentity'],
    policy: ['Cognitive Services accounts should use a managed identity'],
  },
  'AIS-COG-USER-OWNED-STORAGE': { policy: ['Cognitive Services accounts should use customer owned storage'] },
  'AIS-COG-DIAG': { policy: ['Diagnostic logs in Azure AI services resources should be enabled'] },
  'AIS-COG-FOUNDRY-PROJECT-MI': {},
};

const requiredSections = [
  '## What it checks',
  '## Why it matters',
  '## Examples',
  '## Fix',
  '## Trade-offs',
  '## Equivalent rules',
  '## Suppression',
];

describe('rule registry', () => {
  it('is sorted by id, with unique ids of the form AIS-<SERVICE>-<CONTROL>', () => {
    const ids = allRules.map((rule) => rule.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^AIS-[A-Z]+(-[A-Z0-9]+)+$/);
  });

  it('looks rules up by id, case-insensitively', () => {
    assert.equal(ruleById('ais-cog-local-auth')?.meta.id, 'AIS-COG-LOCAL-AUTH');
    assert.equal(ruleById('AIS-NOPE'), undefined);
  });

  it('covers every implemented matrix row', () => {
    for (const id of Object.keys(matrixPeers)) assert.ok(ruleById(id), `${id} is registered`);
  });

  for (const rule of allRules) {
    const { id } = rule.meta;
    describe(id, () => {
      it('has well-formed metadata', () => {
        assert.ok(rule.meta.title.length > 0 && !rule.meta.title.endsWith('.'), 'title without trailing period');
        assert.match(rule.meta.title, /^[A-Z]/);
        assert.ok(rule.meta.resourceTypes.length > 0);
        for (const type of rule.meta.resourceTypes) assert.match(type, /^Microsoft\.[A-Za-z]+\/[A-Za-z/]+$/);
      });

      it('lists the peers of the rules matrix', () => {
        const expected = matrixPeers[id];
        if (!expected) return;
        for (const tool of ['checkov', 'kics', 'trivy', 'psrule', 'policy'] as const) {
          for (const peer of expected[tool] ?? []) {
            assert.ok(rule.meta.peers[tool]?.includes(peer), `${tool} ${peer}`);
          }
        }
      });

      it('has a docs page with the required sections, naming its id and peers', () => {
        const file = path.join(docsDir, `${id}.md`);
        assert.ok(fs.existsSync(file), `${file} exists`);
        const text = fs.readFileSync(file, 'utf8');
        assert.ok(text.startsWith(`# ${id}: ${rule.meta.title}\n`), 'heading is "# <id>: <title>"');
        let last = -1;
        for (const section of requiredSections) {
          const at = text.indexOf(`\n${section}\n`);
          assert.ok(at > last, `section "${section}" present and in order`);
          last = at;
        }
        for (const peer of [...(rule.meta.peers.checkov ?? []), ...(rule.meta.peers.psrule ?? [])]) {
          assert.ok(text.includes(peer), `docs mention ${peer}`);
        }
        assert.ok(text.includes(`aisec-disable-next-line ${id}`), 'docs show how to suppress');
      });

      it('has fail and pass fixtures in Bicep, ARM and Terraform', () => {
        const dir = path.join(fixturesDir, id);
        assert.ok(fs.existsSync(dir), `${dir} exists`);
        const files = fs.readdirSync(dir);
        for (const ext of ['.bicep', '.json', '.tf']) {
          for (const prefix of ['fail', 'pass']) {
            assert.ok(
              files.some((f) => f.startsWith(prefix) && f.endsWith(ext)),
              `${prefix}*${ext} in test-fixtures/rules/${id}`,
            );
          }
        }
      });
    });
  }
});
