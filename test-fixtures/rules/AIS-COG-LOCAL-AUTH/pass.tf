resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
  local_auth_enabled    = false
}

# A data source is a reference to an account deployed elsewhere: never linted.
data "azurerm_cognitive_account" "shared" {
  name                = "oai-shared"
  resource_group_name = "rg-shared"
}
