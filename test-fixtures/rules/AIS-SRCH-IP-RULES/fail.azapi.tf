resource "azapi_resource" "search" {
  type      = "Microsoft.Search/searchServices@2024-06-01-preview"
  name      = "srch-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    sku = { name = "standard" }
    properties = {
      replicaCount   = 1
      partitionCount = 1
      networkRuleSet = { ipRules = [{ value = "::/0" }] } # expect: AIS-SRCH-IP-RULES
    }
  }
}

variable "resource_group_id" {
  type = string
}
