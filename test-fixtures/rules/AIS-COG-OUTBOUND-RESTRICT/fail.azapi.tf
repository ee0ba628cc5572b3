resource "azapi_resource" "foundry" { # expect: AIS-COG-OUTBOUND-RESTRICT
  type      = "Microsoft.CognitiveServices/accounts@2025-04-01-preview"
  name      = "aif-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "AIServices"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName    = "aif-prod"
      allowProjectManagement = true
    }
  }
}

variable "resource_group_id" {
  type = string
}
