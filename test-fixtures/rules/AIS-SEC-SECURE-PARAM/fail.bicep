param adminPassword string // expect: AIS-SEC-SECURE-PARAM
param storageAccountKey string // expect: AIS-SEC-SECURE-PARAM
param sqlConnectionString string = 'Server=sql-prod;Database=app' // expect: AIS-SEC-SECURE-PARAM

@secure()
param apiKey string = 'sk-not-a-real-key-0000' // expect: AIS-SEC-SECURE-PARAM

@secure()
param vmAdminPasswordOrKey string

output note string = 'parameters only'
