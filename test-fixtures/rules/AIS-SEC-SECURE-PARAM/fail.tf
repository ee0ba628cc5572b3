variable "admin_password" { # expect: AIS-SEC-SECURE-PARAM
  type = string
}

variable "openai_api_key" {
  type      = string
  sensitive = true
  default   = "not-a-real-key-0000" # expect: AIS-SEC-SECURE-PARAM
}
