resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "oai-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "oai-prod"
      encryption = {
        keySource = "Microsoft.KeyVault"
        keyVaultProperties = {
          keyName     = "oai-cmk"
          keyVaultUri = var.key_vault_uri
        }
      }
    }
  }
}

variable "resource_group_id" {
  type = string
}

variable "key_vault_uri" {
  type = string
}
