resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "oai-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "oai-prod"
      publicNetworkAccess = "Disabled"
    }
  }
}

variable "resource_group_id" {
  type = string
}
