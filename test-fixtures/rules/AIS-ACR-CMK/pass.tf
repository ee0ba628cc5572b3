variable "identity_id" {
  type = string
}

variable "identity_client_id" {
  type = string
}

variable "key_id" {
  type = string
}

resource "azurerm_container_registry" "prod" {
  name                = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "Premium"

  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }

  encryption {
    key_vault_key_id   = var.key_id
    identity_client_id = var.identity_client_id
  }
}
