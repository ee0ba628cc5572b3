resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-prod"
  location                      = "swedencentral"
  resource_group_name           = "rg-ai"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-prod"
  public_network_access_enabled = true # expect: AIS-COG-PUBLIC-NETWORK
}

# public_network_access_enabled defaults to true.
resource "azurerm_cognitive_account" "language" { # expect: AIS-COG-PUBLIC-NETWORK
  name                = "lang-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  kind                = "TextAnalytics"
  sku_name            = "S"
}
