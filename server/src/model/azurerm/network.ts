// Private endpoints. Source: azurerm private_endpoint docs; an `is_manual_connection = true` connection is
// an ARM `manualPrivateLinkServiceConnections` entry.
import { attr, block } from './dsl';
import type { ResourceMapping } from './types';

export const networkMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_private_endpoint',
    armType: 'Microsoft.Network/privateEndpoints',
    attributes: [
      attr('subnet_id', 'properties.subnet.id', { forceNew: true }),
      attr('custom_network_interface_name', 'properties.customNetworkInterfaceName'),
    ],
    blocks: [
      block(
        'private_service_connection',
        'properties.privateLinkServiceConnections',
        [
          attr('name', 'name'),
          attr(
            ['private_connection_resource_id', 'private_connection_resource_alias'],
            'properties.privateLinkServiceId',
          ),
          attr('subresource_names', 'properties.groupIds'),
          attr('request_message', 'properties.requestMessage'),
        ],
        {
          repeated: true,
          pathWhen: {
            attribute: 'is_manual_connection',
            value: true,
            path: 'properties.manualPrivateLinkServiceConnections',
          },
        },
      ),
      block(
        'ip_configuration',
        'properties.ipConfigurations',
        [
          attr('name', 'name'),
          attr('private_ip_address', 'properties.privateIPAddress'),
          attr('subresource_name', 'properties.groupId'),
          attr('member_name', 'properties.memberName'),
        ],
        { repeated: true },
      ),
      // ARM declares DNS zone groups as a child resource; kept here so rules can see the zones.
      block(
        'private_dns_zone_group',
        'properties.privateDnsZoneGroups',
        [attr('name', 'name'), attr('private_dns_zone_ids', 'privateDnsZoneIds')],
        {
          repeated: true,
        },
      ),
    ],
  },
];
