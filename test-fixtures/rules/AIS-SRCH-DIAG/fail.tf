resource "azurerm_search_service" "search" { # expect: AIS-SRCH-DIAG
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"


  identity {
    type = "SystemAssigned"
  }
}
