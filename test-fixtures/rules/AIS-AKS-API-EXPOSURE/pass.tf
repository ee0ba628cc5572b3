resource "azurerm_kubernetes_cluster" "prod" {
  name                    = "aks-ai-prod"
  private_cluster_enabled = true
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  dns_prefix          = "aks-ai"

  identity {
    type = "SystemAssigned"
  }

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

# azurerm 4.x block.
resource "azurerm_kubernetes_cluster" "ops" {
  name = "aks-ai-ops"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  dns_prefix          = "aks-ai"

  identity {
    type = "SystemAssigned"
  }

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}

# azurerm 3.x top-level attribute.
resource "azurerm_kubernetes_cluster" "legacy" {
  name                            = "aks-ai-legacy"
  api_server_authorized_ip_ranges = ["203.0.113.0/24"]
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  dns_prefix          = "aks-ai"

  identity {
    type = "SystemAssigned"
  }

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
