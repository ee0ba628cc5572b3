# Container Insights on, no diagnostic setting for the audit log.
resource "azurerm_kubernetes_cluster" "prod" { # expect: AIS-AKS-MONITORING
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

  oms_agent {
    log_analytics_workspace_id = var.workspace_id
  }
}

variable "workspace_id" {
  type = string
}
