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
      publicNetworkAccess = "Enabled" # expect: AIS-COG-PUBLIC-NETWORK
    }
  }
}

# No properties at all: Enabled by default.
resource "azapi_resource" "language" { # expect: AIS-COG-PUBLIC-NETWORK
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "lang-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "TextAnalytics"
    sku  = { name = "S" }
  }
}

variable "resource_group_id" {
  type = string
}
