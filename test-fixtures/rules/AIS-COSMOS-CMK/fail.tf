resource "azurerm_cosmosdb_account" "threads" { # expect: AIS-COSMOS-CMK
  name = "cosmos-agents-prod"
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
