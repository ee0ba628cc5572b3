// Shared by the engine tests: an in-memory workspace checked with a fixed configuration.
import { DEFAULT_CONFIG, WorkspaceSession, type Finding, type ResolvedConfig } from '../../server/src/engine';

export const ROOT = 'file:///ws';

export async function checkFiles(
  files: Record<string, string>,
  config: Partial<ResolvedConfig> = {},
  today = '2026-06-01',
): Promise<{ session: WorkspaceSession; findings: Finding[]; line: (f: Finding) => number }> {
  const session = await WorkspaceSession.create({ config: { ...DEFAULT_CONFIG, ...config }, today });
  for (const [name, text] of Object.entries(files)) session.setFile(`${ROOT}/${name}`, text);
  const findings = [...session.check().values()].flat();
  const line = (f: Finding) => (session.document(f.uri)?.lines.positionAt(f.span.start).line ?? -1) + 1;
  return { session, findings, line };
}

/** `RULE@line` (+ `!` when suppressed) for compact assertions. */
export function summary(findings: readonly Finding[], line: (f: Finding) => number, ruleFilter?: RegExp): string[] {
  return findings
    .filter((f) => !ruleFilter || ruleFilter.test(f.ruleId))
    .map((f) => `${f.ruleId}@${line(f)}${f.suppression ? '!' : ''}`)
    .sort();
}

/** A minimal Azure OpenAI account with keys on and public access open (LOCAL-AUTH and PUBLIC-NETWORK fail). */
export const OPEN_ACCOUNT = `resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-test'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-test'
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}
`;

/** A locked-down Azure OpenAI account named 'oai-shared' (its private endpoint may be in another file). */
export const SHARED_ACCOUNT = `resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-shared'
  location: 'eastus'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: { publicNetworkAccess: 'Disabled', customSubDomainName: 'oai-shared', disableLocalAuth: true }
}
`;

/** A private endpoint naming the account `target` by a literal resource id. */
export function privateEndpointTo(target: string): string {
  return `resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-oai'
  location: 'eastus'
  properties: {
    subnet: { id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe' }
    privateLinkServiceConnections: [
      {
        name: 'oai'
        properties: {
          privateLinkServiceId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/${target}'
          groupIds: ['account']
        }
      }
    ]
  }
}
`;
}
