resource "azapi_resource" "language" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "lang-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    kind = "TextAnalytics"
    sku  = { name = "S" }
    properties = {
      customSubDomainName = "lang-prod"
      userOwnedStorage = [
        { resourceId = var.storage_account_id }
      ]
    }
  }
}

variable "resource_group_id" {
  type = string
}

variable "storage_account_id" {
  type = string
}
