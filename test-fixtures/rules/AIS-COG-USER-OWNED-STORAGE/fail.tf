resource "azurerm_cognitive_account" "speech" { # expect: AIS-COG-USER-OWNED-STORAGE
  name                  = "speech-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "SpeechServices"
  sku_name              = "S0"
  custom_subdomain_name = "speech-prod"
}
