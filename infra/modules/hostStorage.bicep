// Storage of the Functions host itself (AzureWebJobsStorage: leases, timer schedule status,
// diagnostic events) and of Flex Consumption's deployment package. Kept apart from the pipeline's
// data so that the host's frequent writes are neither versioned nor logged with the data, and so
// that the broad role the host needs here gives nothing over the data.
import { builtInRoles } from 'roles.bicep'

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Container that holds the deployed app package.')
param deploymentContainerName string

@description('Principal (object) ID of the Function App\'s user-assigned identity.')
param appPrincipalId string

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    // Double encryption at rest (service and infrastructure layers, two keys), as on the data
    // account: free, and only possible when the account is created (docs/deploy.md, "Encryption").
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

// Storage Blob Data Owner is what Microsoft documents for host storage (leases, timer status,
// the deployment package); table access serves the host's diagnostic events. No queue role: the
// app has no blob trigger, and every queue trigger reads the data account ("Storage"), so the host
// never uses a queue here. Both roles are limited to this account, which holds no pipeline data.
var hostRoles = [
  builtInRoles.storageBlobDataOwner
  builtInRoles.storageTableDataContributor
]

resource hostRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in hostRoles: {
    name: guid(account.id, appPrincipalId, roleId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

@description('Resource ID of the account.')
output accountId string = account.id

@description('Name of the account.')
output accountName string = account.name

@description('Blob, queue and table endpoints of the account.')
output endpoints object = {
  blob: account.properties.primaryEndpoints.blob
  queue: account.properties.primaryEndpoints.queue
  table: account.properties.primaryEndpoints.table
}

@description('URL of the deployment container, as Flex Consumption expects it.')
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
