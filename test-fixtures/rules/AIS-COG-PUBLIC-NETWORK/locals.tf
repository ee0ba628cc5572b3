locals {
  is_production = false
}

resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-prod"
  location                      = "swedencentral"
  resource_group_name           = "rg-ai"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-prod"
  public_network_access_enabled = local.is_production ? false : true # expect: AIS-COG-PUBLIC-NETWORK
}
