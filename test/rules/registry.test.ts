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
  'AIS-ST-SHARED-KEY': { checkov: ['CKV2_AZURE_40'], policy: ['Storage accounts should prevent shared key access'] },
  'AIS-ST-PUBLIC-NETWORK': {
    checkov: ['CKV_AZURE_59'],
    policy: ['Storage accounts should disable public network access'],
  },
  'AIS-ST-DEFAULT-DENY': {
    checkov: ['CKV_AZURE_35'],
    kics: ['d855ced8'],
    trivy: ['AVD-AZU-0012'],
    psrule: ['Azure.Storage.Firewall'],
    policy: ['Storage accounts should restrict network access'],
  },
  'AIS-ST-BLOB-PUBLIC': {
    checkov: ['CKV_AZURE_190', 'CKV2_AZURE_47', 'CKV_AZURE_34'],
    kics: ['dd5230f8'],
    trivy: ['AVD-AZU-0007'],
    psrule: ['Azure.Storage.BlobPublicAccess', 'Azure.Storage.BlobAccessType'],
    policy: ['Storage account public access should be disallowed'],
  },
  'AIS-ST-TLS-HTTPS': {
    checkov: ['CKV_AZURE_44', 'CKV_AZURE_3'],
    kics: ['12944ec4'],
    trivy: ['AVD-AZU-0011', 'AVD-AZU-0008'],
    psrule: ['Azure.Storage.MinTLS', 'Azure.Storage.SecureTransfer'],
  },
  'AIS-ST-CMK': { checkov: ['CKV2_AZURE_1'], trivy: ['AVD-AZU-0060'] },
  'AIS-ST-PRIVATE-ENDPOINT': { checkov: ['CKV2_AZURE_33'], kics: ['dda11a20'] },
  'AIS-KV-RBAC': { psrule: ['Azure.KeyVault.RBAC'], policy: ['Azure Key Vault should use RBAC permission model'] },
  'AIS-KV-PURGE-PROTECTION': {
    checkov: ['CKV_AZURE_110', 'CKV_AZURE_42', 'CKV_AZURE_111'],
    kics: ['7c25f361'],
    trivy: ['AVD-AZU-0016'],
    psrule: ['Azure.KeyVault.PurgeProtect', 'Azure.KeyVault.SoftDelete'],
    policy: ['Key vaults should have deletion protection enabled'],
  },
  'AIS-KV-NETWORK': {
    checkov: ['CKV_AZURE_189', 'CKV_AZURE_109'],
    trivy: ['AVD-AZU-0013'],
    psrule: ['Azure.KeyVault.Firewall'],
  },
  'AIS-KV-PRIVATE-ENDPOINT': { checkov: ['CKV2_AZURE_32'], policy: ['Azure Key Vaults should use private link'] },
  'AIS-KV-DIAG': { psrule: ['Azure.KeyVault.Logs'], policy: ['Resource logs in Key Vault should be enabled'] },
  'AIS-KV-ACCESS-POLICY-LP': { psrule: ['Azure.KeyVault.AccessPolicy'] },
  'AIS-ACR-ADMIN-USER': { checkov: ['CKV_AZURE_137'], kics: ['b897dfbf'], psrule: ['Azure.ACR.AdminUser'] },
  'AIS-ACR-ANON-PULL': { checkov: ['CKV_AZURE_138'], psrule: ['Azure.ACR.AnonymousAccess'] },
  'AIS-ACR-NETWORK': { checkov: ['CKV_AZURE_139'], psrule: ['Azure.ACR.Firewall'] },
  'AIS-ACR-EXPORT': {
    psrule: ['Azure.ACR.ExportPolicy'],
    policy: ['Container registries should have exports disabled'],
  },
  'AIS-ACR-CMK': { policy: ['Container registries should be encrypted with a customer-managed key'] },
  'AIS-AKS-LOCAL-ACCOUNTS': { checkov: ['CKV_AZURE_141'], psrule: ['Azure.AKS.LocalAccounts'] },
  'AIS-AKS-ENTRA-RBAC': {
    checkov: ['CKV_AZURE_5'],
    kics: ['9307a2ed', '86f92117'],
    trivy: ['AVD-AZU-0042'],
    psrule: ['Azure.AKS.UseRBAC', 'Azure.AKS.AzureRBAC', 'Azure.AKS.ManagedAAD'],
  },
  'AIS-AKS-API-EXPOSURE': {
    checkov: ['CKV_AZURE_115', 'CKV_AZURE_6'],
    kics: ['599318f2'],
    trivy: ['AVD-AZU-0065', 'AVD-AZU-0041'],
    psrule: ['Azure.AKS.AuthorizedIPs'],
  },
  'AIS-AKS-NODE-PUBLIC-IP': { checkov: ['CKV_AZURE_143'] },
  'AIS-AKS-NETWORK-POLICY': { checkov: ['CKV_AZURE_7'], trivy: ['AVD-AZU-0043'], psrule: ['Azure.AKS.NetworkPolicy'] },
  'AIS-AKS-WORKLOAD-IDENTITY': {},
  'AIS-AKS-MONITORING': {
    checkov: ['CKV_AZURE_4'],
    trivy: ['AVD-AZU-0040'],
    psrule: ['Azure.AKS.ContainerInsights', 'Azure.AKS.AuditLogs', 'Azure.AKS.PlatformLogs'],
  },
  'AIS-COSMOS-LOCAL-AUTH': { checkov: ['CKV_AZURE_140'], psrule: ['Azure.Cosmos.DisableLocalAuth'] },
  'AIS-COSMOS-PUBLIC-NETWORK': { checkov: ['CKV_AZURE_101', 'CKV_AZURE_99'] },
  'AIS-COSMOS-METADATA-WRITE': { checkov: ['CKV_AZURE_132'], psrule: ['Azure.Cosmos.DisableMetadataWrite'] },
  'AIS-COSMOS-CMK': { checkov: ['CKV_AZURE_100'] },
  'AIS-RBAC-BROAD-ROLE-ON-AI': {},
  'AIS-RBAC-CUSTOM-ROLE-WILDCARD': { checkov: ['CKV_AZURE_39'], trivy: ['AVD-AZU-0030', 'AVD-AZU-0052'] },
  'AIS-SEC-OUTPUT-SECRETS': { psrule: ['Azure.Deployment.OutputSecretValue'] },
  'AIS-SEC-KEY-PLUMBING': {},
  'AIS-SEC-SECURE-PARAM': {
    checkov: ['CKV_AZURE_131'],
    psrule: ['Azure.Deployment.SecureParameter', 'Azure.Deployment.SecureValue'],
  },
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
