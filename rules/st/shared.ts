// Things the AIS-ST rules share: the ARM types they inspect.
export const STORAGE_TYPE = 'Microsoft.Storage/storageAccounts';
export const CONTAINER_TYPE = 'Microsoft.Storage/storageAccounts/blobServices/containers';
