resource "azurerm_storage_account" "data" {
  name                            = "stdataprod"
  resource_group_name             = "rg-ai"
  location                        = "swedencentral"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_id    = azurerm_storage_account.data.id
  container_access_type = "private"
}
