// Things every AIS-COG rule shares: the ARM types it inspects and the kind lists the matrix relies on.
export const ACCOUNT_TYPE = 'Microsoft.CognitiveServices/accounts';
export const PROJECT_TYPE = 'Microsoft.CognitiveServices/accounts/projects';
