resource "azurerm_search_service" "search" {
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_private_endpoint" "search" {
  name                = "pe-srch-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "srch-prod"
    private_connection_resource_id = azurerm_search_service.search.id
    subresource_names              = ["searchService"]
    is_manual_connection           = false
  }
}

variable "subnet_id" {
  type = string
}
