variable "shared_keys" {
  type = bool
}

resource "azurerm_storage_account" "data" {
  name                      = "stdataprod"
  resource_group_name       = "rg-ai"
  location                  = "swedencentral"
  account_tier              = "Standard"
  account_replication_type  = "ZRS"
  shared_access_key_enabled = var.shared_keys # expect: AIS-ST-SHARED-KEY
}
