resource "azapi_resource" "foundry" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "aif-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    kind = "AIServices"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName    = "aif-prod"
      allowProjectManagement = true
    }
  }
}

resource "azapi_resource" "chat" { # expect: AIS-COG-FOUNDRY-PROJECT-MI
  type      = "Microsoft.CognitiveServices/accounts/projects@2025-06-01"
  name      = "proj-chat"
  parent_id = azapi_resource.foundry.id
  location  = "swedencentral"
  body = {
    properties = {}
  }
}

variable "resource_group_id" {
  type = string
}
