resource "azurerm_container_registry" "prod" {
  name                          = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                           = "Premium"
  public_network_access_enabled = false
  export_policy_enabled         = false
}
