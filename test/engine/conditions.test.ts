// Resources that are never deployed under the values we know (a condition that is the literal false) are
// not linted and not in the workspace index; an unknown condition keeps them. One case per language.
import assert from 'node:assert/strict';
import { checkFiles } from './helpers';

const ACCOUNT = 'Microsoft.CognitiveServices/accounts';

function bicep(condition: string, paramDecl: string): string {
  return `${paramDecl}

resource account '${ACCOUNT}@2024-10-01' = if (${condition}) {
  name: 'oai-test'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-test'
    disableLocalAuth: false
  }
}
`;
}

function arm(defaultValue: string): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { deploy: { type: 'bool', ...(defaultValue ? { defaultValue: JSON.parse(defaultValue) } : {}) } },
      resources: [
        {
          condition: "[parameters('deploy')]",
          type: ACCOUNT,
          apiVersion: '2024-10-01',
          name: 'oai-test',
          location: 'swedencentral',
          kind: 'OpenAI',
          sku: { name: 'S0' },
          properties: { customSubDomainName: 'oai-test', disableLocalAuth: false },
        },
      ],
    },
    null,
    2,
  );
}

function terraform(variable: string): string {
  return `${variable}

resource "azurerm_cognitive_account" "openai" {
  count                 = var.create ? 1 : 0
  name                  = "oai-test"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-test"
  local_auth_enabled    = true
}
`;
}

async function localAuth(files: Record<string, string>) {
  const { session, findings } = await checkFiles(files);
  return {
    findings: findings.filter((f) => f.ruleId === 'AIS-COG-LOCAL-AUTH').map((f) => f.kind),
    indexed: session.workspace().resources(ACCOUNT).length,
  };
}

describe('engine: resources behind a false condition', () => {
  it('Bicep: `if (deploy)` with `param deploy bool = false` is not linted nor indexed', async () => {
    assert.deepEqual(await localAuth({ 'main.bicep': bicep('deploy', 'param deploy bool = false') }), {
      findings: [],
      indexed: 0,
    });
  });

  it('Bicep: `if (false)` literally is skipped, `if (true)` is linted', async () => {
    assert.deepEqual((await localAuth({ 'main.bicep': bicep('false', '') })).findings, []);
    assert.deepEqual(await localAuth({ 'main.bicep': bicep('true', '') }), { findings: ['fail'], indexed: 1 });
  });

  it('Bicep: an unknown condition (no default) keeps the resource', async () => {
    assert.deepEqual(await localAuth({ 'main.bicep': bicep('deploy', 'param deploy bool') }), {
      findings: ['fail'],
      indexed: 1,
    });
  });

  it('Bicep: a .bicepparam that sets the parameter to true overrides the false default', async () => {
    const result = await localAuth({
      'main.bicep': bicep('deploy', 'param deploy bool = false'),
      'main.bicepparam': "using 'main.bicep'\n\nparam deploy = true\n",
    });
    assert.deepEqual(result, { findings: ['fail'], indexed: 1 });
  });

  it('ARM: `condition` from a parameter whose default is false is not linted nor indexed', async () => {
    assert.deepEqual(await localAuth({ 'azuredeploy.json': arm('false') }), { findings: [], indexed: 0 });
  });

  it('ARM: the same template with default true, or no default, is linted', async () => {
    assert.deepEqual(await localAuth({ 'azuredeploy.json': arm('true') }), { findings: ['fail'], indexed: 1 });
    assert.deepEqual(await localAuth({ 'azuredeploy.json': arm('') }), { findings: ['fail'], indexed: 1 });
  });

  it('Terraform: `count = var.create ? 1 : 0` with default false is not linted nor indexed', async () => {
    const files = { 'main.tf': terraform('variable "create" {\n  type    = bool\n  default = false\n}') };
    assert.deepEqual(await localAuth(files), { findings: [], indexed: 0 });
  });

  it('Terraform: default true, a tfvars of true, or no default keeps the resource', async () => {
    const withDefault = (d: string) => `variable "create" {\n  type    = bool\n${d}}`;
    assert.deepEqual(await localAuth({ 'main.tf': terraform(withDefault('  default = true\n')) }), {
      findings: ['fail'],
      indexed: 1,
    });
    assert.deepEqual(
      await localAuth({
        'main.tf': terraform(withDefault('  default = false\n')),
        'terraform.tfvars': 'create = true\n',
      }),
      { findings: ['fail'], indexed: 1 },
    );
    assert.deepEqual(await localAuth({ 'main.tf': terraform(withDefault('')) }), { findings: ['fail'], indexed: 1 });
  });

  it('a private endpoint behind a false condition does not protect the account', async () => {
    const template = (withPe: boolean) => `param withPe bool = ${withPe}

resource account '${ACCOUNT}@2024-10-01' = {
  name: 'oai-test'
  kind: 'OpenAI'
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource pe 'Microsoft.Network/privateEndpoints@2023-11-01' = if (withPe) {
  name: 'pe-oai'
  properties: {
    subnet: {
      id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe'
    }
    privateLinkServiceConnections: [
      {
        name: 'oai'
        properties: {
          privateLinkServiceId: account.id
          groupIds: [
            'account'
          ]
        }
      }
    ]
  }
}
`;
    const privateEndpoint = async (withPe: boolean) =>
      (await checkFiles({ 'main.bicep': template(withPe) })).findings
        .filter((f) => f.ruleId === 'AIS-COG-PRIVATE-ENDPOINT')
        .map((f) => f.kind);
    assert.deepEqual(await privateEndpoint(true), []);
    assert.deepEqual(await privateEndpoint(false), ['fail']);
  });
});
