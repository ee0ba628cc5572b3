resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-prod"
  location                      = "swedencentral"
  resource_group_name           = "rg-ai"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-prod"
  public_network_access_enabled = false
}
