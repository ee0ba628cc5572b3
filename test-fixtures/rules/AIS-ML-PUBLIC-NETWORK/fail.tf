resource "azurerm_machine_learning_workspace" "open" {
  name                    = "mlw-open"
  location                = "swedencentral"
  resource_group_name     = "rg-ai"
  application_insights_id = var.app_insights_id
  key_vault_id            = var.key_vault_id
  storage_account_id      = var.storage_account_id
  public_network_access_enabled = true # expect: AIS-ML-PUBLIC-NETWORK
  identity {
    type = "SystemAssigned"
  }
}

# Absent: non-compliant.
resource "azurerm_machine_learning_workspace" "unset" { # expect: AIS-ML-PUBLIC-NETWORK
  name                    = "mlw-unset"
  location                = "swedencentral"
  resource_group_name     = "rg-ai"
  application_insights_id = var.app_insights_id
  key_vault_id            = var.key_vault_id
  storage_account_id      = var.storage_account_id

  identity {
    type = "SystemAssigned"
  }
}

variable "app_insights_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}

variable "storage_account_id" {
  type = string
}
