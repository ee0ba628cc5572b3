shared_keys = true
