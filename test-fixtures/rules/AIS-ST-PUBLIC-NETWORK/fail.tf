# public_network_access_enabled defaults to true.
resource "azurerm_storage_account" "data" { # expect: AIS-ST-PUBLIC-NETWORK
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_account" "logs" {
  name                          = "stlogsprod"
  resource_group_name           = "rg-ai"
  location                      = "swedencentral"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = true # expect: AIS-ST-PUBLIC-NETWORK
}
