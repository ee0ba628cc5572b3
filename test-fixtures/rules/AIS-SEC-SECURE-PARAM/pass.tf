variable "admin_password" {
  type      = string
  sensitive = true
}

variable "key_vault_name" {
  type = string
}

variable "secret_name" {
  type    = string
  default = "openai-key"
}
