// Export policies exist only on Premium: Basic and Standard registries are not checked.
resource dev 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craidev'
  location: 'swedencentral'
  sku: { name: 'Basic' }
}

// An unknown SKU may be Premium: checked.
param sku string

resource build 'Microsoft.ContainerRegistry/registries@2023-07-01' = { // expect: AIS-ACR-EXPORT
  name: 'craibuild'
  location: 'swedencentral'
  sku: { name: sku }
}
