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

  oms_agent {
    log_analytics_workspace_id = var.workspace_id
  }
}

resource "azurerm_monitor_diagnostic_setting" "prod" {
  name                       = "diag-aks"
  target_resource_id         = azurerm_kubernetes_cluster.prod.id
  log_analytics_workspace_id = var.workspace_id

  enabled_log {
    category = "kube-audit-admin"
  }
}

variable "workspace_id" {
  type = string
}
