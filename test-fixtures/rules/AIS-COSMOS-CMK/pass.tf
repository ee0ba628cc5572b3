resource "azurerm_cosmosdb_account" "threads" {
  name             = "cosmos-agents-prod"
  key_vault_key_id = var.key_versionless_id
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

variable "key_versionless_id" {
  type = string
}
