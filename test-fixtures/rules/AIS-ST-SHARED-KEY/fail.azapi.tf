resource "azapi_resource" "data" {
  type      = "Microsoft.Storage/storageAccounts@2023-05-01"
  name      = "stdataprod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "StorageV2"
    sku  = { name = "Standard_ZRS" }
    properties = {
      allowSharedKeyAccess = true # expect: AIS-ST-SHARED-KEY
    }
  }
}

variable "resource_group_id" {
  type = string
}
