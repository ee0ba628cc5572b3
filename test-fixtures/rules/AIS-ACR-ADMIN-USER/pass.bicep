resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  properties: {
    adminUserEnabled: false
  }
}

// Absent: the admin user is off.
resource dev 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craidev'
  location: 'swedencentral'
  sku: { name: 'Basic' }
}
