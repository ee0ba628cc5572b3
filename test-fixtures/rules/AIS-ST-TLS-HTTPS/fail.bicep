resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_0' // expect: AIS-ST-TLS-HTTPS
    supportsHttpsTrafficOnly: false // expect: AIS-ST-TLS-HTTPS
  }
}

// Absent minimumTlsVersion: TLS1_0 in ARM. Absent supportsHttpsTrafficOnly: true.
resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-TLS-HTTPS
  name: 'stlogsprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
