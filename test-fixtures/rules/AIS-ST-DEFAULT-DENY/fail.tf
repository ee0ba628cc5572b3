resource "azurerm_storage_account" "data" {
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  network_rules {
    default_action = "Allow" # expect: AIS-ST-DEFAULT-DENY
  }
}

# No network_rules: every network.
resource "azurerm_storage_account" "logs" { # expect: AIS-ST-DEFAULT-DENY
  name                     = "stlogsprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
