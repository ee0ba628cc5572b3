resource "azapi_resource" "language" { # expect: AIS-COG-USER-OWNED-STORAGE
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "lang-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "TextAnalytics"
    sku  = { name = "S" }
    properties = {
      customSubDomainName = "lang-prod"
    }
  }
}

variable "resource_group_id" {
  type = string
}
