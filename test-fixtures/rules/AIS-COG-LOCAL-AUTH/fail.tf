resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
  local_auth_enabled    = true # expect: AIS-COG-LOCAL-AUTH
}

# local_auth_enabled defaults to true.
resource "azurerm_cognitive_account" "speech" { # expect: AIS-COG-LOCAL-AUTH
  name                = "speech-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  kind                = "SpeechServices"
  sku_name            = "S0"
}
