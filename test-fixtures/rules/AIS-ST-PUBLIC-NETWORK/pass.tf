resource "azurerm_storage_account" "data" {
  name                          = "stdataprod"
  resource_group_name           = "rg-ai"
  location                      = "swedencentral"
  account_tier                  = "Standard"
  account_replication_type      = "ZRS"
  public_network_access_enabled = false
}
