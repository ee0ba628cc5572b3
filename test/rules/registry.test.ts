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
  // Rows 12-38 (RULES-A).
  'AIS-OAI-RAI-POLICY-SET': {},
  'AIS-OAI-RAI-FILTERS-BLOCKING': {
    policy: ['[Preview]: Cognitive Services Deployments should only use allowed prompt content filtering'],
  },
  'AIS-OAI-RAI-MODE': { policy: ['[Preview]: Cognitive Services Deployments Should Only Use Allowed Control Mode'] },
  'AIS-OAI-MODEL-ALLOWLIST': { policy: ['Cognitive Services Deployments should only use approved Registry Models'] },
  'AIS-ML-PUBLIC-NETWORK': {
    checkov: ['CKV_AZURE_144', 'CKV2_AZURE_49'],
    psrule: ['Azure.ML.PublicAccess'],
    policy: ['Azure Machine Learning Workspaces should disable public network access'],
  },
  'AIS-ML-PRIVATE-ENDPOINT': {
    checkov: ['CKV_AZURE_243'],
    policy: ['Azure Machine Learning workspaces should use private link'],
  },
  'AIS-ML-MANAGED-NETWORK': {
    policy: ['Azure Machine Learning and Ai Studio should use Allow Only Approved Outbound Managed Vnet mode'],
  },
  'AIS-ML-CMK': { policy: ['Azure Machine Learning workspaces should be encrypted with a customer-managed key'] },
  'AIS-ML-HBI': { checkov: ['CKV2_AZURE_50'] },
  'AIS-ML-DATASTORE-IDENTITY': {},
  'AIS-ML-V1-LEGACY': {
    policy: [
      'Azure Machine Learning workspaces should enable V1LegacyMode to support network isolation backward compatibility',
    ],
  },
  'AIS-ML-UAI': {
    psrule: ['Azure.ML.UserManagedIdentity'],
    policy: ['Azure Machine Learning workspaces should use user-assigned managed identity'],
  },
  'AIS-ML-DIAG': { policy: ['Resource logs in Azure Machine Learning Workspaces should be enabled'] },
  'AIS-MLC-LOCAL-AUTH': {
    checkov: ['CKV_AZURE_142'],
    psrule: ['Azure.ML.DisableLocalAuth'],
    policy: ['Azure Machine Learning Computes should have local authentication methods disabled'],
  },
  'AIS-MLC-NO-PUBLIC-IP': {},
  'AIS-MLC-SSH': {},
  'AIS-MLC-VNET': {
    psrule: ['Azure.ML.ComputeVnet'],
    policy: ['Azure Machine Learning Computes should be in a virtual network'],
  },
  'AIS-MLC-IDLE-SHUTDOWN': {
    checkov: ['CKV_AZURE_150'],
    psrule: ['Azure.ML.ComputeIdleShutdown'],
    policy: ['Azure Machine Learning Compute Instance should have idle shutdown.'],
  },
  'AIS-MLE-PUBLIC-NETWORK': {},
  'AIS-MLE-AUTH-MODE': {},
  'AIS-SRCH-LOCAL-AUTH': { policy: ['Azure AI Search services should have local authentication methods disabled'] },
  'AIS-SRCH-PUBLIC-NETWORK': {
    checkov: ['CKV_AZURE_124'],
    kics: ['4a9e0f00'],
    policy: ['Azure AI Search services should disable public network access'],
  },
  'AIS-SRCH-IP-RULES': { checkov: ['CKV_AZURE_210'] },
  'AIS-SRCH-PRIVATE-ENDPOINT': {
    kics: ['dda11a20'],
    policy: ['Azure AI Search service should use a SKU that supports private link'],
  },
  'AIS-SRCH-CMK-ENFORCE': {
    policy: ['Configure Azure AI Search services to enforce customer-managed keys to encrypt data at rest'],
  },
  'AIS-SRCH-MANAGED-IDENTITY': { checkov: ['CKV_AZURE_207'], psrule: ['Azure.Search.ManagedIdentity'] },
  'AIS-SRCH-DIAG': { policy: ['Resource logs in Search services should be enabled'] },
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
