resource "azapi_resource" "foundry" {
  type      = "Microsoft.CognitiveServices/accounts@2025-04-01-preview"
  name      = "aif-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "AIServices"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName           = "aif-prod"
      restrictOutboundNetworkAccess = true
      allowedFqdnList               = ["stdataprod.blob.core.windows.net"]
    }
  }
}

# Restricted without allowedFqdnList: every outbound call is blocked.
resource "azapi_resource" "foundry_no_list" {
  type      = "Microsoft.CognitiveServices/accounts@2025-04-01-preview"
  name      = "aif-batch"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "AIServices"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName           = "aif-batch"
      restrictOutboundNetworkAccess = true
    }
  }
}

variable "resource_group_id" {
  type = string
}
