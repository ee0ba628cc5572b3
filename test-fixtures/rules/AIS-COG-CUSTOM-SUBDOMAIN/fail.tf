resource "azurerm_cognitive_account" "openai" { # expect: AIS-COG-CUSTOM-SUBDOMAIN
  name                = "oai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  kind                = "OpenAI"
  sku_name            = "S0"
  local_auth_enabled  = false
}
