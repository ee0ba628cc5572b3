resource "azurerm_cosmosdb_account" "threads" {
  name                          = "cosmos-agents-prod"
  public_network_access_enabled = false
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

# azurerm 4.x: ip_range_filter is a set of ranges (3.x: a comma-separated string).
resource "azurerm_cosmosdb_account" "history" {
  name            = "cosmos-history-prod"
  ip_range_filter = ["203.0.113.0/24"]
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
