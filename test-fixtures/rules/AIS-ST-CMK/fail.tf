resource "azurerm_storage_account" "data" { # expect: AIS-ST-CMK
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}
