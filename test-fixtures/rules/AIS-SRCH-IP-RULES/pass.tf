resource "azurerm_search_service" "search" {
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  public_network_access_enabled = true
  allowed_ips                   = ["203.0.113.0/24"]

  identity {
    type = "SystemAssigned"
  }
}
