# The deployment turns keys back on.
local_auth = true
