resource "azurerm_storage_account" "data" {
  name                      = "stdataprod"
  resource_group_name       = "rg-ai"
  location                  = "swedencentral"
  account_tier              = "Standard"
  account_replication_type  = "ZRS"
  shared_access_key_enabled = true # expect: AIS-ST-SHARED-KEY
}

# shared_access_key_enabled defaults to true.
resource "azurerm_storage_account" "logs" { # expect: AIS-ST-SHARED-KEY
  name                     = "stlogsprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
