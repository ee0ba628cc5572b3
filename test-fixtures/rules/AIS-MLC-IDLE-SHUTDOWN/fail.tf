resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu-cluster"
  location                      = "swedencentral"
  machine_learning_workspace_id = var.workspace_id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"

  scale_settings {
    min_node_count                       = 1 # expect: AIS-MLC-IDLE-SHUTDOWN
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}

variable "workspace_id" {
  type = string
}

variable "subnet_id" {
  type = string
}
