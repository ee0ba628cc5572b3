resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu-cluster"
  location                      = "swedencentral"
  machine_learning_workspace_id = var.workspace_id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  local_auth_enabled            = false
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}

resource "azurerm_machine_learning_compute_instance" "dev" {
  name                          = "ci-dev"
  machine_learning_workspace_id = var.workspace_id
  virtual_machine_size          = "STANDARD_DS3_V2"
  local_auth_enabled            = false
}

variable "workspace_id" {
  type = string
}

variable "subnet_id" {
  type = string
}
