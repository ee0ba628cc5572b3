resource "azurerm_storage_account" "data" {
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
    ip_rules       = ["203.0.113.0/24"]
  }
}

# The separate network rules resource counts too.
resource "azurerm_storage_account" "logs" {
  name                     = "stlogsprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "logs" {
  storage_account_id = azurerm_storage_account.logs.id
  default_action     = "Deny"
  bypass             = ["AzureServices"]
}
