resource "azurerm_storage_account" "data" {
  name                          = "stdataprod"
  resource_group_name           = "rg-ai"
  location                      = "swedencentral"
  account_tier                  = "Standard"
  account_replication_type      = "ZRS"
  public_network_access_enabled = false
}

resource "azurerm_private_endpoint" "data_blob" {
  name                = "pe-stdataprod-blob"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.data.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}

variable "subnet_id" {
  type = string
}
