resource "azurerm_cognitive_account" "openai" {
  name                               = "oai-prod"
  location                           = "swedencentral"
  resource_group_name                = "rg-ai"
  kind                               = "OpenAI"
  sku_name                           = "S0"
  custom_subdomain_name              = "oai-prod"
  outbound_network_access_restricted = false # expect: AIS-COG-OUTBOUND-RESTRICT
}

resource "azurerm_cognitive_account" "foundry" { # expect: AIS-COG-OUTBOUND-RESTRICT
  name                  = "aif-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "AIServices"
  sku_name              = "S0"
  custom_subdomain_name = "aif-prod"
}
