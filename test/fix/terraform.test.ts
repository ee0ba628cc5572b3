// Terraform edits: azurerm attributes through the reverse mapping, azapi bodies (HCL object and
// jsonencode), variables, new resources; `=` aligned as terraform fmt does.
import assert from 'node:assert/strict';
import { disableLocalAuthFix, privateEndpointFix, userAssignedIdentityFixes } from '../../server/src/model';
import { initEngine } from './harness';
import { apply, lines, setFix } from './support';

const account = (...body: string[]) =>
  lines(
    'resource "azurerm_cognitive_account" "openai" {',
    '  name                = "oai-prod"',
    '  location            = "swedencentral"',
    '  resource_group_name = "rg-ai"',
    '  kind                = "OpenAI"',
    '  sku_name            = "S0"',
    ...body,
    '}',
    '',
  );

describe('Terraform edits', () => {
  before(async () => {
    await initEngine();
  });

  it('flips an azurerm attribute through the mapping (disableLocalAuth → local_auth_enabled)', () => {
    const text = account('  local_auth_enabled  = true # keys on');
    const result = apply({ 'main.tf': text }, (ws) =>
      disableLocalAuthFix(ws.resource('azurerm_cognitive_account.openai')),
    );
    assert.equal(result?.files['main.tf'], account('  local_auth_enabled  = false # keys on'));
    assert.equal(result?.title, 'Set local_auth_enabled = false');
  });

  it('adds an attribute to the run and realigns its `=`, and adds blocks after a blank line', () => {
    const text = account();
    const result = apply({ 'main.tf': text }, (ws) =>
      setFix(ws.resource('azurerm_cognitive_account.openai'), {
        'properties.publicNetworkAccess': 'Disabled',
        'properties.networkAcls.defaultAction': 'Deny',
      }),
    );
    assert.equal(
      result?.files['main.tf'],
      lines(
        'resource "azurerm_cognitive_account" "openai" {',
        '  name                          = "oai-prod"',
        '  location                      = "swedencentral"',
        '  resource_group_name           = "rg-ai"',
        '  kind                          = "OpenAI"',
        '  sku_name                      = "S0"',
        '  public_network_access_enabled = false',
        '',
        '  network_acls {',
        '    default_action = "Deny"',
        '  }',
        '}',
        '',
      ),
    );
  });

  it('edits an azapi body written as an HCL object and inside jsonencode()', () => {
    for (const [open, close] of [
      ['  body = {', '  }'],
      ['  body = jsonencode({', '  })'],
    ]) {
      const text = lines(
        'resource "azapi_resource" "openai" {',
        '  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"',
        '  name      = "oai-prod"',
        '  parent_id = var.rg_id',
        '  location  = "swedencentral"',
        open,
        '    kind = "OpenAI"',
        '    properties = {',
        '      customSubDomainName = "oai-prod"',
        '    }',
        close,
        '}',
        '',
        'variable "rg_id" {',
        '  type = string',
        '}',
        '',
      );
      const result = apply({ 'main.tf': text }, (ws) =>
        setFix(ws.resource('azapi_resource.openai'), { 'properties.disableLocalAuth': true }),
      );
      assert.equal(
        result?.files['main.tf'],
        text.replace(
          '      customSubDomainName = "oai-prod"',
          '      customSubDomainName = "oai-prod"\n      disableLocalAuth    = true',
        ),
      );
    }
  });

  it('offers no edit for a heredoc body or a conditional', () => {
    const heredoc = lines(
      'resource "azapi_resource" "openai" {',
      '  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"',
      '  name      = "oai-prod"',
      '  parent_id = "x"',
      '  body      = <<EOT',
      '{"properties": {"disableLocalAuth": false}}',
      'EOT',
      '}',
      '',
    );
    assert.equal(
      apply({ 'main.tf': heredoc }, (ws) =>
        setFix(ws.resource('azapi_resource.openai'), { 'properties.disableLocalAuth': true }),
      ),
      undefined,
    );
    const conditional = lines(
      'locals {',
      '  prod = false',
      '}',
      '',
      account('  public_network_access_enabled = local.prod ? false : true'),
    );
    assert.equal(
      apply({ 'main.tf': conditional }, (ws) =>
        setFix(ws.resource('azurerm_cognitive_account.openai'), { 'properties.publicNetworkAccess': 'Disabled' }),
      ),
      undefined,
    );
  });

  it('sets a variable default declared in variables.tf when used once; replaces the use when tfvars sets it', () => {
    const main = account('  local_auth_enabled  = var.local_auth');
    const variables = lines('variable "local_auth" {', '  type    = bool', '  default = true', '}', '');
    const result = apply({ 'main.tf': main, 'variables.tf': variables }, (ws) =>
      disableLocalAuthFix(ws.resource('azurerm_cognitive_account.openai')),
    );
    assert.deepEqual(result?.files, { 'variables.tf': variables.replace('default = true', 'default = false') });
    assert.equal(
      result?.title,
      "Set local_auth_enabled = false (in the default of variable 'local_auth' in variables.tf)",
    );

    const supplied = apply(
      {
        'main.tf': main,
        'variables.tf': variables.replace('true', 'false'),
        'terraform.tfvars': 'local_auth = true\n',
      },
      (ws) => disableLocalAuthFix(ws.resource('azurerm_cognitive_account.openai')),
    );
    assert.deepEqual(supplied?.files, { 'main.tf': account('  local_auth_enabled  = false') });
    assert.equal(
      supplied?.title,
      "Set local_auth_enabled = false (replaces the use of variable 'local_auth', which terraform.tfvars sets)",
    );
  });

  it('adds azurerm_user_assigned_identity and an identity block', () => {
    const result = apply(
      { 'main.tf': account() },
      (ws) => userAssignedIdentityFixes(ws.resource('azurerm_cognitive_account.openai'))[0],
    );
    assert.equal(
      result?.files['main.tf'],
      lines(
        'resource "azurerm_cognitive_account" "openai" {',
        '  name                = "oai-prod"',
        '  location            = "swedencentral"',
        '  resource_group_name = "rg-ai"',
        '  kind                = "OpenAI"',
        '  sku_name            = "S0"',
        '',
        '  identity {',
        '    type         = "UserAssigned"',
        '    identity_ids = [azurerm_user_assigned_identity.openai_identity.id]',
        '  }',
        '}',
        '',
        'resource "azurerm_user_assigned_identity" "openai_identity" {',
        '  name                = "oai-prod-identity"',
        '  location            = "swedencentral"',
        '  resource_group_name = "rg-ai"',
        '}',
        '',
      ),
    );
  });

  it('adds azurerm_private_endpoint with its connection, DNS zone group and variables', () => {
    const result = apply({ 'main.tf': account() }, (ws) =>
      privateEndpointFix(ws.resource('azurerm_cognitive_account.openai')),
    );
    assert.equal(
      result?.files['main.tf'],
      lines(
        account().trimEnd(),
        '',
        'resource "azurerm_private_endpoint" "openai_private_endpoint" {',
        '  name                = "oai-prod-pe"',
        '  location            = "swedencentral"',
        '  resource_group_name = "rg-ai"',
        '  subnet_id           = var.private_endpoint_subnet_id',
        '',
        '  private_service_connection {',
        '    name                           = "oai-prod-pe"',
        '    private_connection_resource_id = azurerm_cognitive_account.openai.id',
        '    subresource_names              = ["account"]',
        '    is_manual_connection           = false',
        '  }',
        '',
        '  private_dns_zone_group {',
        '    name                 = "default"',
        '    private_dns_zone_ids = [var.open_ai_private_dns_zone_id, var.cognitive_services_private_dns_zone_id]',
        '  }',
        '}',
        '',
        'variable "private_endpoint_subnet_id" {',
        '  type        = string',
        '  description = "Resource id of the subnet that holds private endpoints."',
        '}',
        '',
        'variable "open_ai_private_dns_zone_id" {',
        '  type        = string',
        '  description = "Resource id of the private DNS zone privatelink.openai.azure.com, linked to the virtual network of the endpoint."',
        '}',
        '',
        'variable "cognitive_services_private_dns_zone_id" {',
        '  type        = string',
        '  description = "Resource id of the private DNS zone privatelink.cognitiveservices.azure.com, linked to the virtual network of the endpoint."',
        '}',
        '',
      ),
    );
  });

  it('edits the n-th repeated block, and removes a list item in an azapi body', () => {
    const policy = lines(
      'resource "azurerm_cognitive_account_rai_policy" "p" {',
      '  name                 = "p"',
      '  cognitive_account_id = "x"',
      '  base_policy_name     = "Microsoft.DefaultV2"',
      '',
      '  content_filter {',
      '    name               = "Hate"',
      '    filter_enabled     = true',
      '    block_enabled      = true',
      '    severity_threshold = "Medium"',
      '    source             = "Prompt"',
      '  }',
      '',
      '  content_filter {',
      '    name               = "Violence"',
      '    filter_enabled     = true',
      '    block_enabled      = false',
      '    severity_threshold = "Medium"',
      '    source             = "Completion"',
      '  }',
      '}',
      '',
    );
    const blocked = apply({ 'main.tf': policy }, (ws) =>
      setFix(ws.resource('azurerm_cognitive_account_rai_policy.p'), { 'properties.contentFilters.1.blocking': true }),
    );
    assert.equal(blocked?.files['main.tf'], policy.replace('block_enabled      = false', 'block_enabled      = true'));

    const search = lines(
      'resource "azapi_resource" "search" {',
      '  type      = "Microsoft.Search/searchServices@2024-06-01-preview"',
      '  name      = "srch-prod"',
      '  parent_id = "x"',
      '  body = {',
      '    properties = {',
      '      networkRuleSet = {',
      '        ipRules = [',
      '          { value = "10.0.0.0/8" },',
      '          { value = "0.0.0.0/0" },',
      '        ]',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    );
    const removed = apply({ 'main.tf': search }, (ws) => ({
      title: 'Remove',
      applicability: 'unsafe',
      edits: [
        { kind: 'remove', resource: ws.resource('azapi_resource.search'), path: 'properties.networkRuleSet.ipRules.1' },
      ],
    }));
    assert.equal(removed?.files['main.tf'], search.replace('          { value = "0.0.0.0/0" },\n', ''));
  });
});
