resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu-cluster"
  location                      = "swedencentral"
  machine_learning_workspace_id = var.workspace_id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  ssh_public_access_enabled     = true # expect: AIS-MLC-SSH
  node_public_ip_enabled        = false
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}

resource "azurerm_machine_learning_compute_cluster" "gpu" {
  name                          = "gpu-cluster"
  location                      = "swedencentral"
  machine_learning_workspace_id = var.workspace_id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  node_public_ip_enabled        = false
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 4
    scale_down_nodes_after_idle_duration = "PT30S"
  }

  ssh {
    admin_username = "azureuser"
    admin_password = var.admin_password # expect: AIS-MLC-SSH
  }
}

# A compute instance with an ssh block accepts public SSH.
resource "azurerm_machine_learning_compute_instance" "dev" {
  name                          = "ci-dev"
  machine_learning_workspace_id = var.workspace_id
  virtual_machine_size          = "STANDARD_DS3_V2"
  node_public_ip_enabled        = true

  ssh { # expect: AIS-MLC-SSH
    public_key = var.ssh_public_key
  }
}

variable "workspace_id" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "ssh_public_key" {
  type = string
}
