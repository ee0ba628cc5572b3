resource "azurerm_search_service" "search" {
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  customer_managed_key_enforcement_enabled = false # expect: AIS-SRCH-CMK-ENFORCE

  identity {
    type = "SystemAssigned"
  }
}
