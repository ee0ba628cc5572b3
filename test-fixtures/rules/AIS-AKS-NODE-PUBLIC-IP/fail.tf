resource "azurerm_kubernetes_cluster" "prod" {
  name                = "aks-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  dns_prefix          = "aks-ai"

  identity {
    type = "SystemAssigned"
  }

  default_node_pool {
    name                   = "system"
    node_count             = 3
    vm_size                = "Standard_D4s_v5"
    node_public_ip_enabled = true # expect: AIS-AKS-NODE-PUBLIC-IP
  }
}

# azurerm 3.x name, on a separate node pool.
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.prod.id
  vm_size               = "Standard_NC24ads_A100_v4"
  node_count            = 1
  enable_node_public_ip = true # expect: AIS-AKS-NODE-PUBLIC-IP
}
