# azurerm 4.x: an AI Foundry hub (kind Hub) and a project (kind Project, skipped: the hub decides).
resource "azurerm_ai_foundry" "hub" {
  name                = "hub-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  storage_account_id  = var.storage_account_id
  key_vault_id        = var.key_vault_id

  public_network_access = "Enabled" # expect: AIS-ML-PUBLIC-NETWORK

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_ai_foundry" "closed" {
  name                  = "hub-closed"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  storage_account_id    = var.storage_account_id
  key_vault_id          = var.key_vault_id
  public_network_access = "Disabled"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_ai_foundry_project" "chat" {
  name               = "proj-chat"
  location           = "swedencentral"
  ai_services_hub_id = azurerm_ai_foundry.hub.id

  identity {
    type = "SystemAssigned"
  }
}

variable "storage_account_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}
