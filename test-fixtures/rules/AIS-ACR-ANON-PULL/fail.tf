resource "azurerm_container_registry" "prod" {
  name                   = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                    = "Standard"
  anonymous_pull_enabled = true # expect: AIS-ACR-ANON-PULL
}
