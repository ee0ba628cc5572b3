resource "azurerm_cosmosdb_account" "threads" {
  name                               = "cosmos-agents-prod"
  access_key_metadata_writes_enabled = false
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
