resource "azurerm_cosmosdb_account" "threads" { # expect: AIS-COSMOS-LOCAL-AUTH
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

resource "azurerm_cosmosdb_account" "history" {
  name                          = "cosmos-history-prod"
  local_authentication_disabled = false # expect: AIS-COSMOS-LOCAL-AUTH
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
