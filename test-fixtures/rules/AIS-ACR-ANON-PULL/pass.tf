resource "azurerm_container_registry" "prod" {
  name                = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "Standard"
}
