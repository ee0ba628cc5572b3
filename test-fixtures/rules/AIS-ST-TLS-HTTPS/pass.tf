# azurerm defaults: min_tls_version = "TLS1_2", HTTPS only.
resource "azurerm_storage_account" "data" {
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}
