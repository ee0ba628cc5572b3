resource "azurerm_storage_account" "data" { # expect: AIS-ST-PRIVATE-ENDPOINT
  name                          = "stdataprod"
  resource_group_name           = "rg-ai"
  location                      = "swedencentral"
  account_tier                  = "Standard"
  account_replication_type      = "ZRS"
  public_network_access_enabled = false
}

# A file endpoint does not serve blobs.
resource "azurerm_private_endpoint" "data_file" {
  name                = "pe-stdataprod-file"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "file"
    private_connection_resource_id = azurerm_storage_account.data.id
    subresource_names              = ["file"]
    is_manual_connection           = false
  }
}

variable "subnet_id" {
  type = string
}
