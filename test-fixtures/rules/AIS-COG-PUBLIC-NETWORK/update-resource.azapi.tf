# An azapi_update_resource patch merges into the azurerm account it targets.
resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
}

resource "azapi_update_resource" "close_public_access" {
  type        = "Microsoft.CognitiveServices/accounts@2024-10-01"
  resource_id = azurerm_cognitive_account.openai.id
  body = {
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
