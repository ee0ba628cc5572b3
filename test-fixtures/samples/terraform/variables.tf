variable "environment" {
  type = string
}

variable "location" {
  type    = string
  default = "swedencentral"
}

variable "local_auth_enabled" {
  description = "Whether the OpenAI account accepts API keys."
  type        = bool
  default     = false
}
