resource "azurerm_kubernetes_cluster" "prod" { # expect: AIS-AKS-NETWORK-POLICY
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

  network_profile {
    network_plugin = "azure"
  }
}
