// The pipeline's own data: raw uploads, reports, direct uploads and published snapshots (blobs),
// the queues (submissions, upload events) and their poison queues, and the tables. Only Microsoft
// Entra identities reach it: shared keys (and so account keys, connection strings and account SAS)
// are disabled.
import { builtInRoles } from 'roles.bicep'

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Redundancy of the account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string

@description('Queues the pipeline consumes; each gets its "-poison" queue beside it.')
param queueNames string[]

@description('Tables the pipeline uses.')
param tableNames string[]

@description('Days a deleted blob, blob version or container can still be restored.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Days every blob version written to the snapshots container stays immutable (write once, read many).')
@minValue(1)
@maxValue(146000)
param snapshotImmutabilityDays int

@description('True once the snapshots container\'s immutability policy has been locked; a locked policy can only be extended, so the template stops declaring it.')
param snapshotImmutabilityLocked bool

@description('Places a CanNotDelete lock on the account so that neither a person nor a pipeline can delete it by mistake.')
param deleteLock bool

@description('Principal (object) ID of the Function App\'s user-assigned identity.')
param appPrincipalId string

@description('Resource ID of the Log Analytics workspace that receives the account\'s write and delete logs.')
param workspaceId string

// Private containers; "snapshots" holds the published open data, which researchers read through
// the Function App's /api/opendata routes rather than anonymously from storage.
var uploadsContainerName = 'uploads'
var privateContainerNames = ['raw', 'reports', uploadsContainerName]
var snapshotsContainerName = 'snapshots'
var allQueueNames = flatten(map(queueNames, name => [name, '${name}-poison']))

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
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
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: false
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
    // Versioning keeps every overwritten or deleted blob as a prior version; version-level
    // immutability of the snapshots container requires it.
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: softDeleteRetentionDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteRetentionDays }
  }
}

resource privateContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for name in privateContainerNames: {
    parent: blobService
    name: name
    properties: { publicAccess: 'None' }
  }
]

resource snapshotsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: snapshotsContainerName
  properties: {
    publicAccess: 'None'
    // Version-level WORM: can only be switched on when the container is created.
    immutableStorageWithVersioning: { enabled: true }
  }
}

// Default time-based retention for every blob version in the container: versions can be created
// and read, never modified or deleted until the period ends. The app's identity has data-plane
// roles only, so it can neither shorten nor remove the policy. ARM updates only an unlocked
// policy, hence the switch once it has been locked (docs/deploy.md, "Lock the snapshots policy").
resource snapshotsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = if (!snapshotImmutabilityLocked) {
  parent: snapshotsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: snapshotImmutabilityDays
    allowProtectedAppendWrites: false
    allowProtectedAppendWritesAll: false
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for name in allQueueNames: {
    parent: queueService
    name: name
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for name in tableNames: {
    parent: tableService
    name: name
  }
]

resource accountLock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'do-not-delete-observatory-data'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the submissions and the published open data. Remove this lock deliberately before deleting the account.'
  }
}

// Data-plane roles only, at the account: the app creates containers, queues and tables if they
// are missing, which a container- or queue-scoped assignment would not allow.
var appRoles = [
  builtInRoles.storageBlobDataContributor
  builtInRoles.storageQueueDataContributor
  builtInRoles.storageTableDataContributor
]

resource appRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appRoles: {
    name: guid(account.id, appPrincipalId, roleId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Writes and deletes (not reads, which would be every queue poll) go to the workspace: an audit
// trail of who changed what, and the source of the poison-queue alert.
resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'writes-and-deletes'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'writes-and-deletes'
  scope: queueService
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

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

@description('Container that direct uploads are written to, whose created blobs Event Grid announces.')
output uploadsContainerName string = uploadsContainerName

@description('Every queue created, poison queues included.')
output queueNames string[] = allQueueNames
