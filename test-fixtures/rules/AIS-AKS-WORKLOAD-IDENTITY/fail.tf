resource "azurerm_kubernetes_cluster" "prod" {
  name                      = "aks-ai-prod"
  oidc_issuer_enabled       = true
  workload_identity_enabled = false # expect: AIS-AKS-WORKLOAD-IDENTITY
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
