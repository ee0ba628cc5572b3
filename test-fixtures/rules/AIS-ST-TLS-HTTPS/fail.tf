# azurerm 4.x name.
resource "azurerm_storage_account" "data" {
  name                       = "stdataprod"
  resource_group_name        = "rg-ai"
  location                   = "swedencentral"
  account_tier               = "Standard"
  account_replication_type   = "ZRS"
  min_tls_version            = "TLS1_0" # expect: AIS-ST-TLS-HTTPS
  https_traffic_only_enabled = false # expect: AIS-ST-TLS-HTTPS
}

# azurerm 3.x name (Checkov CKV_AZURE_3 reads only this one).
resource "azurerm_storage_account" "logs" {
  name                      = "stlogsprod"
  resource_group_name       = "rg-ai"
  location                  = "swedencentral"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false # expect: AIS-ST-TLS-HTTPS
}
