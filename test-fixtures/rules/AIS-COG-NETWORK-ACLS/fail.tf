resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"

  network_acls {
    default_action = "Allow" # expect: AIS-COG-NETWORK-ACLS
  }
}

resource "azurerm_cognitive_account" "language" { # expect: AIS-COG-NETWORK-ACLS
  name                = "lang-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  kind                = "TextAnalytics"
  sku_name            = "S"
}
