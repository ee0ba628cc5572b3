# e2e fixture: an Azure OpenAI account that still accepts API keys (AIS-COG-LOCAL-AUTH, safe quick fix).
resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-e2e"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-e2e"
  local_auth_enabled    = true
}
