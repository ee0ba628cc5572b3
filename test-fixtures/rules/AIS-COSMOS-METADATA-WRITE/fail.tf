# access_key_metadata_writes_enabled defaults to true.
resource "azurerm_cosmosdb_account" "threads" { # expect: AIS-COSMOS-METADATA-WRITE
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
