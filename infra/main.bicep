// The Observatory pipeline in one resource group: the Function App on Flex Consumption, its
// identity, the pipeline's data storage with the Event Grid delivery of direct uploads and the
// nightly table backups, the host's storage, the Key Vault with the admin key, monitoring, alerts
// and a budget. A development environment: `azd up` (azure.yaml, infra/main.parameters.json).
// Production, from CI or by hand, always under the one deployment name "observatory":
//   az deployment group create -g <resource-group> --name observatory -p infra/main.prod.bicepparam
// (docs/deploy.md has the whole procedure).
targetScope = 'resourceGroup'

@description('Name of this environment (azd\'s environment name, or "prod"): part of every resource name, so any short name will do.')
@minLength(2)
@maxLength(16)
param environmentName string

@description('True for production: the safeguards below are then forced on, and the deployment fails without alert recipients, a key administrator and an operator group.')
param production bool = false

@description('Azure region of the resources; must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('NCRONTAB schedule (six fields, with seconds, UTC) of the annual snapshot; default 06:00 UTC on 1 March.')
param snapshotSchedule string = '0 0 6 1 3 *'

@description('Smallest published count of a protected cell: non-zero counts below it are suppressed, and each keeps at least this minus one feasible values. Below 3 a withheld count would be known to be 1; the app refuses it at start.')
@minValue(3)
@maxValue(100)
param suppressionThreshold int = 5

@description('Largest accepted upload, in bytes (default 25 MiB).')
@minValue(1048576)
@maxValue(104857600)
param maxUploadBytes int = 26214400

@description('Queues the pipeline consumes; each gets its "-poison" queue. "upload-events" receives the direct-upload events and must stay.')
param queueNames string[] = ['submissions', 'upload-events', 'notifications']

@description('Tables the pipeline uses.')
param tableNames string[] = ['submissions', 'observations', 'apikeys', 'snapshots', 'locks', 'audit', 'contacts', 'notifications']

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

@description('NCRONTAB schedule (six fields, with seconds, UTC) of the nightly table backup; default 02:30 UTC.')
param backupSchedule string = '0 30 2 * * *'

@description('Days each nightly table backup is kept (and immutable); the app deletes older ones, always keeping the newest.')
@minValue(7)
@maxValue(365)
param backupRetentionDays int = 35

@description('Lock the data storage account against deletion (always on in production).')
param dataDeleteLock bool = false

@description('Key Vault purge protection (cannot be turned off again; always on in production).')
param keyVaultPurgeProtection bool = false

@description('Object ID of the staff user or group who sets and rotates the admin key; empty for none.')
param keyAdministratorPrincipalId string = ''

@description('Kind of principal keyAdministratorPrincipalId is.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param keyAdministratorPrincipalType string = 'Group'

@description('E-mail addresses alerted when a submission fails, a poison queue fills, the service fails or the budget runs out; required in production.')
param alertEmailAddresses string[] = []

@description('Object ID of the operator group: read-only roles on both storage accounts and the workspace (Key Vault audit logs); required in production.')
param operatorGroupPrincipalId string = ''

@description('Monthly budget of the resource group, in the billing account\'s currency (docs/deploy.md, "What it costs").')
@minValue(1)
param monthlyBudget int = 50

@description('First day of the budget\'s first month (yyyy-MM-01). Azure refuses to change it once the budget exists, so redeployments pass the deployed one (infra/deployed-state.sh); the default, this month, suits a first deployment.')
param budgetStartDate string = utcNow('yyyy-MM-01')

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

@description('A custom domain the notifications are sent from (verified in DNS, docs/deploy.md "E-mail"); empty for the Azure-managed domain.')
param emailDomainName string = ''

@description('Where the e-mail services keep their data at rest (a Communication Services geography).')
param emailDataLocation string = 'United States'

@description('Application (client) ID of the Entra application that signs in to the SMTP endpoint; empty until staff create it (docs/deploy.md, "E-mail").')
param smtpClientId string = ''

@description('Object ID of that application\'s service principal, given the right to send through the Communication Service.')
param smtpPrincipalId string = ''

@description('Staff addresses that receive the daily summary of failed submissions and late states, separated by ";".')
param staffNotificationAddresses string = ''

@description('Client ID of a Microsoft Entra app registration for App Service Authentication (staff sign-in); empty leaves it off.')
param entraClientId string = ''

// Production fails closed: without someone to alert, to issue the admin key and to read the
// logs, the deployment stops here instead of starting blind. infra/check.sh checks it too.
var missingInProduction = filter(
  [
    empty(alertEmailAddresses) ? 'alertEmailAddresses' : ''
    empty(keyAdministratorPrincipalId) ? 'keyAdministratorPrincipalId' : ''
    empty(operatorGroupPrincipalId) ? 'operatorGroupPrincipalId' : ''
    empty(smtpClientId) ? 'smtpClientId' : ''
    empty(smtpPrincipalId) ? 'smtpPrincipalId' : ''
  ],
  name => !empty(name)
)
var envName = production && !empty(missingInProduction)
  ? fail('A production deployment needs ${join(missingInProduction, ', ')} (docs/deploy.md, "Before the first production deployment").')
  : toLower(environmentName)

// Names: readable prefix plus a token stable for this subscription, resource group and
// environment, so names are globally unique yet a redeploy finds the same resources.
var token = toLower(uniqueString(subscription().id, resourceGroup().id, envName))
var tags = {
  application: 'observatory-pipeline'
  environment: envName
}
var adminKeySecretName = 'observatory-admin-key'
// The Entra application's client secret, the SMTP password: staff put it in Key Vault under this
// name (docs/deploy.md, "E-mail").
var smtpPasswordSecretName = 'observatory-smtp-password'
// The code's StorageNames.UploadEventsQueue: where Event Grid delivers each created upload.
var uploadEventsQueueName = 'upload-events'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-observatory-${envName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: 'log-observatory-${envName}'
    appInsightsName: 'appi-observatory-${envName}'
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
    backupRetentionDays: backupRetentionDays
    deleteLock: production || dataDeleteLock
    appPrincipalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module uploadEvents 'modules/uploadEvents.bicep' = {
  name: 'upload-events'
  params: {
    location: location
    tags: tags
    topicName: 'evgt-observatory-${envName}'
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
    purgeProtection: production || keyVaultPurgeProtection
    appPrincipalId: identity.properties.principalId
    keyAdministratorPrincipalId: keyAdministratorPrincipalId
    keyAdministratorPrincipalType: keyAdministratorPrincipalType
    workspaceId: monitoring.outputs.workspaceId
  }
}

module operatorAccess 'modules/operatorAccess.bicep' = if (!empty(operatorGroupPrincipalId)) {
  name: 'operator-access'
  params: {
    operatorGroupPrincipalId: operatorGroupPrincipalId
    dataAccountName: dataStorage.outputs.accountName
    hostAccountName: hostStorage.outputs.accountName
    workspaceName: monitoring.outputs.workspaceName
  }
}

module email 'modules/email.bicep' = {
  name: 'email'
  params: {
    tags: tags
    emailServiceName: 'email-observatory-${envName}-${token}'
    communicationServiceName: 'acs-observatory-${envName}-${token}'
    dataLocation: emailDataLocation
    customDomainName: emailDomainName
    smtpPrincipalId: smtpPrincipalId
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  params: {
    location: location
    tags: tags
    planName: 'plan-observatory-${envName}'
    appName: 'func-observatory-${envName}-${token}'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    deploymentContainerUrl: hostStorage.outputs.deploymentContainerUrl
    hostStorageEndpoints: hostStorage.outputs.endpoints
    dataStorageEndpoints: dataStorage.outputs.endpoints
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    keyVaultName: keyVault.outputs.vaultName
    adminKeySecretName: adminKeySecretName
    snapshotSchedule: snapshotSchedule
    backupSchedule: backupSchedule
    backupRetentionDays: backupRetentionDays
    suppressionThreshold: suppressionThreshold
    maxUploadBytes: maxUploadBytes
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    entraClientId: entraClientId
    smtpUserName: empty(smtpClientId) ? '' : '${email.outputs.communicationServiceName}.${smtpClientId}.${tenant().tenantId}'
    smtpPasswordSecretName: smtpPasswordSecretName
    mailFrom: email.outputs.fromAddress
    staffNotificationAddresses: staffNotificationAddresses
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    namePrefix: 'observatory-${envName}'
    workspaceId: monitoring.outputs.workspaceId
    dataStorageAccountId: dataStorage.outputs.accountId
    uploadEventsTopicId: uploadEvents.outputs.topicId
    alertEmailAddresses: alertEmailAddresses
    appInsightsId: monitoring.outputs.appInsightsId
    appHostName: functionApp.outputs.hostName
    monthlyBudget: monthlyBudget
    budgetStartDate: budgetStartDate
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

@description('DNS records that verify a custom sending domain; empty for the Azure-managed domain.')
output emailDomainVerificationRecords object = email.outputs.verificationRecords

@description('Name of the pipeline\'s data storage account.')
output dataStorageAccountName string = dataStorage.outputs.accountName

@description('Client ID of the app\'s user-assigned identity.')
output identityClientId string = identity.properties.clientId
