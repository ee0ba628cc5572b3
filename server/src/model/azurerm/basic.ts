// Common resources that no rule inspects but that others refer to (scopes, subnets, DNS zones): mapped to
// their ARM types so references resolve and messages can name them. Name, location and tags only, plus
// the few properties that identify them.
import { attr } from './dsl';
import type { ResourceMapping } from './types';

export const basicMappings: readonly ResourceMapping[] = [
  { sourceType: 'azurerm_resource_group', armType: 'Microsoft.Resources/resourceGroups', attributes: [], blocks: [] },
  {
    sourceType: 'azurerm_virtual_network',
    armType: 'Microsoft.Network/virtualNetworks',
    attributes: [attr('address_space', 'properties.addressSpace.addressPrefixes')],
    blocks: [],
  },
  {
    sourceType: 'azurerm_subnet',
    armType: 'Microsoft.Network/virtualNetworks/subnets',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('address_prefixes', 'properties.addressPrefixes'),
      attr('private_endpoint_network_policies', 'properties.privateEndpointNetworkPolicies'),
      attr('service_endpoints', 'properties.serviceEndpoints'),
    ],
    blocks: [],
  },
  {
    sourceType: 'azurerm_network_security_group',
    armType: 'Microsoft.Network/networkSecurityGroups',
    attributes: [],
    blocks: [],
  },
  { sourceType: 'azurerm_public_ip', armType: 'Microsoft.Network/publicIPAddresses', attributes: [], blocks: [] },
  {
    sourceType: 'azurerm_private_dns_zone',
    armType: 'Microsoft.Network/privateDnsZones',
    commonAttributes: false,
    attributes: [attr('name', 'name'), attr('tags', 'tags')],
    blocks: [],
  },
  {
    sourceType: 'azurerm_private_dns_zone_virtual_network_link',
    armType: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    parentAttribute: 'private_dns_zone_name',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('virtual_network_id', 'properties.virtualNetwork.id'),
      attr('registration_enabled', 'properties.registrationEnabled'),
    ],
    blocks: [],
  },
  {
    sourceType: 'azurerm_management_lock',
    armType: 'Microsoft.Authorization/locks',
    scopeAttribute: 'scope',
    commonAttributes: false,
    attributes: [attr('name', 'name'), attr('lock_level', 'properties.level'), attr('notes', 'properties.notes')],
    blocks: [],
  },
];
