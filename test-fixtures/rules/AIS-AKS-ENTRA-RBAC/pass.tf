# azurerm 4.x: the block means AKS-managed integration (no managed attribute).
resource "azurerm_kubernetes_cluster" "prod" {
  name = "aks-ai-prod"
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

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}

# azurerm 3.x: managed = true written out.
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

  azure_active_directory_role_based_access_control {
    managed            = true
    azure_rbac_enabled = true
  }
}
