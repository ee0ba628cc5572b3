resource "azurerm_cosmosdb_account" "threads" {
  name                          = "cosmos-agents-prod"
  local_authentication_disabled = true
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "swedencentral"
    failover_priority = 0
  }
}
