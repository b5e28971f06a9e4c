// The Function App on the Flex Consumption plan (FC1: Linux, scale to zero, billed per execution),
// running the .NET 10 isolated worker under the user-assigned identity. Every storage connection
// is identity-based; the only secret, the admin key, is a Key Vault reference.

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App (globally unique: it becomes <name>.azurewebsites.net).')
param appName string

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

@description('Client ID of the user-assigned identity, which the app\'s credentials name.')
param identityClientId string

@description('URL of the blob container Flex Consumption deploys the app package from.')
param deploymentContainerUrl string

@description('Blob, queue and table endpoints of the Functions host\'s storage account.')
param hostStorageEndpoints object

@description('Blob, queue and table endpoints of the pipeline\'s data storage account.')
param dataStorageEndpoints object

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Name of the Key Vault holding the admin key.')
param keyVaultName string

@description('Name of the Key Vault secret holding the admin key.')
param adminKeySecretName string

@description('NCRONTAB schedule (six fields, with seconds, UTC) of the annual snapshot.')
param snapshotSchedule string

@description('NCRONTAB schedule (six fields, with seconds, UTC) of the nightly table backup.')
param backupSchedule string

@description('Days a table backup is kept before the app deletes it.')
param backupRetentionDays int

@description('Smallest published count of a protected cell; smaller non-zero counts are suppressed.')
param suppressionThreshold int

@description('Largest accepted upload, in bytes.')
param maxUploadBytes int

@description('Most instances the app may scale out to; bounds the cost of a runaway load.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

@description('Client ID of the Microsoft Entra app registration for App Service Authentication; empty leaves platform sign-in off.')
param entraClientId string

@description('SMTP user name: the Communication Service name, the Entra application\'s client ID and the tenant ID, dot-separated; empty until the application exists.')
param smtpUserName string

@description('Name of the Key Vault secret holding the SMTP password.')
param smtpPasswordSecretName string

@description('The address the notifications are sent from (a sender of the verified domain).')
param mailFrom string

@description('Staff addresses that receive the daily summary, separated by ";".')
param staffNotificationAddresses string

var platformAuthEnabled = !empty(entraClientId)

var identityConnection = {
  credential: 'managedidentity'
  clientId: identityClientId
}

// Exactly the settings the local host reads from local.settings.json, in their Azure form.
// Flex Consumption sets the runtime in functionAppConfig and rejects FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE as settings.
var appSettings = {
  // The Functions host's own storage.
  AzureWebJobsStorage__blobServiceUri: hostStorageEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: hostStorageEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: hostStorageEndpoints.table
  AzureWebJobsStorage__credential: identityConnection.credential
  AzureWebJobsStorage__clientId: identityConnection.clientId
  // The pipeline's data (the "Storage" connection of the triggers and clients).
  Storage__blobServiceUri: dataStorageEndpoints.blob
  Storage__queueServiceUri: dataStorageEndpoints.queue
  Storage__tableServiceUri: dataStorageEndpoints.table
  Storage__credential: identityConnection.credential
  Storage__clientId: identityConnection.clientId
  // Azure SDK clients built with DefaultAzureCredential pick the same identity.
  AZURE_CLIENT_ID: identityClientId
  // Telemetry, authenticated with the identity because local authentication is disabled.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
  // The pipeline's settings.
  Observatory__AdminKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${adminKeySecretName})'
  Observatory__SnapshotSchedule: snapshotSchedule
  Observatory__BackupSchedule: backupSchedule
  Observatory__BackupRetentionDays: string(backupRetentionDays)
  Observatory__StaleSubmissionSweepSchedule: '0 */5 * * * *'
  Observatory__ReminderSchedule: '0 0 8 * * *'
  Observatory__NotificationSummarySchedule: '0 0 7 * * *'
  // E-mail through Azure Communication Services' SMTP endpoint; the password is the Entra
  // application's client secret, read from Key Vault, never in the template.
  Observatory__Smtp__Host: 'smtp.azurecomm.net'
  Observatory__Smtp__Port: '587'
  Observatory__Smtp__Security: 'StartTls'
  Observatory__Smtp__UserName: smtpUserName
  Observatory__Smtp__Password: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${smtpPasswordSecretName})'
  Observatory__Smtp__From: mailFrom
  Observatory__Notifications__PublicUrl: 'https://${appName}.azurewebsites.net'
  Observatory__Notifications__StaffAddresses: staffNotificationAddresses
  Observatory__SuppressionThreshold: string(suppressionThreshold)
  Observatory__MaxUploadBytes: string(maxUploadBytes)
  // Only where App Service Authentication is on does the platform set X-MS-CLIENT-PRINCIPAL
  // (and strip a forged one); elsewhere the header must not be trusted.
  Observatory__TrustPlatformAuthentication: platformAuthEnabled ? 'true' : 'false'
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  // azd deploys the "api" service of azure.yaml to the resource with this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: appSettings
}

// No publishing user names and passwords: deployments authenticate with Microsoft Entra ID.
resource noFtpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource noScmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

// Optional staff and focal-point sign-in through Microsoft Entra ID. Anonymous requests still
// pass, because the API's keys and the open data must keep working; the app decides per route.
resource platformAuth 'Microsoft.Web/sites/config@2025-03-01' = if (platformAuthEnabled) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: ['api://${entraClientId}']
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}

@description('Name of the Function App.')
output appName string = app.name

@description('Resource ID of the Function App.')
output appId string = app.id

@description('Default host name of the Function App.')
output hostName string = app.properties.defaultHostName
