using './main.bicep'

// The deployment overrides the secure default.
param disableKeys = false
