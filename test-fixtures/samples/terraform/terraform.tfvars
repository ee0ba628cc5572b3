environment = "prod"
# Turned on for a legacy client: aisec reports it on the attribute in main.tf and points back here.
local_auth_enabled = true
