# azurerm: allow_nested_items_to_be_public defaults to true.
resource "azurerm_storage_account" "data" { # expect: AIS-ST-BLOB-PUBLIC
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

# azurerm 2.x name of the same attribute.
resource "azurerm_storage_account" "legacy" {
  name                     = "stlegacy"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_blob_public_access = true # expect: AIS-ST-BLOB-PUBLIC
}

resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_id    = azurerm_storage_account.data.id
  container_access_type = "container" # expect: AIS-ST-BLOB-PUBLIC
}
