variable "subnet_id" {
  type = string
}

# The endpoint for the account declared in main.tf of the same module.
resource "azurerm_private_endpoint" "openai" {
  name                = "pe-oai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "oai-prod"
    private_connection_resource_id = azurerm_cognitive_account.openai.id
    subresource_names              = ["account"]
    is_manual_connection           = false
  }
}
