@secure()
param adminPassword string

// Empty defaults and generated values are not hard-coded secrets.
@secure()
param searchApiKey string = ''

@secure()
param jwtSigningSecret string = newGuid()

// These name or configure a secret without holding one.
param keyVaultName string
param secretName string = 'openai-key'
param passwordLength int = 24
param enablePasswordAuth bool = false
param sshPublicKey string
param customerManagedKeyUri string = ''

// Model settings and naming tokens are no secrets; arrays cannot be @secure() (their items' types carry it).
param azureOpenAIMaxTokens string = '1000'
param resourceToken string = toLower(uniqueString(resourceGroup().id))
param secrets array = []
param federatedIdentityCredential object = {}
