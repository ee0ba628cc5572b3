using 'main.bicep'

param environment = 'prod'
param subnetId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe'
// The prod deployment opens the account to the internet: a finding in main.bicep points back here.
param publicNetworkAccess = 'Enabled'
