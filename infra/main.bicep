// The Observatory pipeline in one resource group: the Function App on Flex Consumption, its
// identity, the pipeline's data storage with the Event Grid delivery of direct uploads, the host's
// storage, the Key Vault with the admin key, monitoring and alerts. Deploy with:
//   az deployment group create -g <resource-group> -f infra/main.bicep -p infra/main.<env>.bicepparam
// (docs/deploy.md has the whole procedure).
targetScope = 'resourceGroup'

@description('Environment this deployment is; part of every resource name.')
@allowed(['dev', 'prod'])
param environmentName string

@description('Azure region of the resources; must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('NCRONTAB schedule (six fields, with seconds, UTC) of the annual snapshot; default 06:00 UTC on 1 March.')
param snapshotSchedule string = '0 0 6 1 3 *'

@description('Smallest published count of a protected cell: non-zero counts below it are suppressed. 1 would suppress nothing.')
@minValue(2)
@maxValue(100)
param suppressionThreshold int = 5

@description('Largest accepted upload, in bytes (default 25 MiB).')
@minValue(1048576)
@maxValue(104857600)
param maxUploadBytes int = 26214400

@description('Queues the pipeline consumes; each gets its "-poison" queue. "upload-events" receives the direct-upload events and must stay.')
param queueNames string[] = ['submissions', 'upload-events']

@description('Tables the pipeline uses.')
param tableNames string[] = ['submissions', 'observations', 'apikeys', 'snapshots', 'locks', 'audit']

@description('Redundancy of the data storage account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param dataStorageSku string = 'Standard_LRS'

@description('Days deleted blobs, blob versions and containers of the data account stay restorable.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 30

@description('Days each published snapshot file stays immutable (1 to 146000).')
@minValue(1)
@maxValue(146000)
param snapshotImmutabilityDays int = 3650

@description('Set to true once the snapshots immutability policy has been locked (docs/deploy.md); the template then leaves the locked policy alone.')
param snapshotImmutabilityLocked bool = false

@description('Lock the data storage account against deletion.')
param dataDeleteLock bool = false

@description('Key Vault purge protection (cannot be turned off again).')
param keyVaultPurgeProtection bool = false

@description('Object ID of the staff user or group who sets and rotates the admin key; empty for none.')
param keyAdministratorPrincipalId string = ''

@description('Kind of principal keyAdministratorPrincipalId is.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param keyAdministratorPrincipalType string = 'Group'

@description('E-mail addresses alerted when a submission fails or a poison queue fills.')
param alertEmailAddresses string[] = []

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily log ingestion cap in GB (a decimal as a string, e.g. "0.5"); "-1" for none.')
param logDailyQuotaGb string = '0.5'

@description('Most instances the Function App may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Function App instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Client ID of a Microsoft Entra app registration for App Service Authentication (staff sign-in); empty leaves it off.')
param entraClientId string = ''

// Names: readable prefix plus a token stable for this subscription, resource group and
// environment, so names are globally unique yet a redeploy finds the same resources.
var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  application: 'observatory-pipeline'
  environment: environmentName
}
var adminKeySecretName = 'observatory-admin-key'
// The code's StorageNames.UploadEventsQueue: where Event Grid delivers each created upload.
var uploadEventsQueueName = 'upload-events'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-observatory-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: 'log-observatory-${environmentName}'
    appInsightsName: 'appi-observatory-${environmentName}'
    retentionInDays: logRetentionDays
    dailyQuotaGb: logDailyQuotaGb
    appPrincipalId: identity.properties.principalId
  }
}

module dataStorage 'modules/dataStorage.bicep' = {
  name: 'data-storage'
  params: {
    location: location
    tags: tags
    accountName: 'stobsdata${token}'
    skuName: dataStorageSku
    queueNames: queueNames
    tableNames: tableNames
    softDeleteRetentionDays: softDeleteRetentionDays
    snapshotImmutabilityDays: snapshotImmutabilityDays
    snapshotImmutabilityLocked: snapshotImmutabilityLocked
    deleteLock: dataDeleteLock
    appPrincipalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module uploadEvents 'modules/uploadEvents.bicep' = {
  name: 'upload-events'
  params: {
    location: location
    tags: tags
    topicName: 'evgt-observatory-${environmentName}'
    dataAccountName: dataStorage.outputs.accountName
    uploadsContainerName: dataStorage.outputs.uploadsContainerName
    queueName: uploadEventsQueueName
    deadLetterContainerName: '${uploadEventsQueueName}-deadletter'
  }
}

module hostStorage 'modules/hostStorage.bicep' = {
  name: 'host-storage'
  params: {
    location: location
    tags: tags
    accountName: 'stobshost${token}'
    deploymentContainerName: 'app-package'
    appPrincipalId: identity.properties.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    vaultName: 'kv-obs-${token}'
    purgeProtection: keyVaultPurgeProtection
    appPrincipalId: identity.properties.principalId
    keyAdministratorPrincipalId: keyAdministratorPrincipalId
    keyAdministratorPrincipalType: keyAdministratorPrincipalType
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: tags
    planName: 'plan-observatory-${environmentName}'
    appName: 'func-observatory-${environmentName}-${token}'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    deploymentContainerUrl: hostStorage.outputs.deploymentContainerUrl
    hostStorageEndpoints: hostStorage.outputs.endpoints
    dataStorageEndpoints: dataStorage.outputs.endpoints
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    keyVaultName: keyVault.outputs.vaultName
    adminKeySecretName: adminKeySecretName
    snapshotSchedule: snapshotSchedule
    suppressionThreshold: suppressionThreshold
    maxUploadBytes: maxUploadBytes
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    entraClientId: entraClientId
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    namePrefix: 'observatory-${environmentName}'
    workspaceId: monitoring.outputs.workspaceId
    dataStorageAccountId: dataStorage.outputs.accountId
    uploadEventsTopicId: uploadEvents.outputs.topicId
    alertEmailAddresses: alertEmailAddresses
  }
}

@description('Name of the Function App, for the code deployment.')
output functionAppName string = functionApp.outputs.appName

@description('Base URL of the HTTP API.')
output apiBaseUrl string = 'https://${functionApp.outputs.hostName}/api'

@description('Name of the Key Vault that holds the admin key.')
output keyVaultName string = keyVault.outputs.vaultName

@description('Name of the Key Vault secret the admin key is read from.')
output adminKeySecretName string = adminKeySecretName

@description('Name of the pipeline\'s data storage account.')
output dataStorageAccountName string = dataStorage.outputs.accountName

@description('Client ID of the app\'s user-assigned identity.')
output identityClientId string = identity.properties.clientId
