// Things the AIS-COSMOS rules share: the ARM type they inspect.
export const COSMOS_TYPE = 'Microsoft.DocumentDB/databaseAccounts';
