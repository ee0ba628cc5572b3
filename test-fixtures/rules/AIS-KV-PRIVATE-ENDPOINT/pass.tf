resource "azurerm_key_vault" "prod" {
  name                          = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
  public_network_access_enabled = false
}

resource "azurerm_private_endpoint" "vault" {
  name                = "pe-kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "vault"
    private_connection_resource_id = azurerm_key_vault.prod.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }
}

variable "tenant_id" {
  type = string
}

variable "subnet_id" {
  type = string
}
