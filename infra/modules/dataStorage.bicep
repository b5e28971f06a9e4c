// The pipeline's own data: raw uploads, reports, direct uploads, published snapshots and the
// nightly table backups (blobs),
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

@description('Days each nightly table backup is kept: the backups container\'s immutability period, and the age at which the app deletes a backup.')
@minValue(7)
@maxValue(365)
param backupRetentionDays int

@description('Places a CanNotDelete lock on the account so that neither a person nor a pipeline can delete it by mistake.')
param deleteLock bool

@description('Principal (object) ID of the Function App\'s user-assigned identity.')
param appPrincipalId string

@description('Resource ID of the Log Analytics workspace that receives the account\'s read, write and delete logs.')
param workspaceId string

// Private containers; "snapshots" holds the published open data, which researchers read through
// the Function App's /api/opendata routes rather than anonymously from storage.
var uploadsContainerName = 'uploads'
var privateContainerNames = ['raw', 'reports', uploadsContainerName]
var snapshotsContainerName = 'snapshots'
// The code's StorageNames.BackupsContainer.
var backupsContainerName = 'backups'
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
    // Double encryption at rest: the service encrypts with one key and the storage infrastructure
    // again with another, so one broken key or algorithm exposes nothing. It costs nothing and can
    // only be chosen when the account is created (docs/deploy.md, "Encryption").
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

// The nightly table backups: version-level WORM like the snapshots, for as long as a backup is
// kept. No one, the app included, can change or delete a backup before then; the app deletes it
// after (TableBackup.PruneAsync). The policy stays unlocked, so the period can follow the parameter.
resource backupsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: backupsContainerName
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: { enabled: true }
  }
}

resource backupsImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = {
  parent: backupsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: backupRetentionDays
    allowProtectedAppendWrites: false
    allowProtectedAppendWritesAll: false
  }
}

// Deleting a blob in a versioned account keeps it as a previous version; this rule removes the
// previous versions of expired backups a day after their immutability ends, so deleted backups
// stop costing storage.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expired-backup-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${backupsContainerName}/']
            }
            actions: {
              version: {
                delete: { daysAfterCreationGreaterThan: backupRetentionDays + 1 }
              }
            }
          }
        }
      ]
    }
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

// Blob reads, writes and deletes go to the workspace: who read a raw return (child-victim data),
// an upload or a backup, and who changed what. Diagnostic settings are per service, so reads of
// every container are logged; the app reads blobs rarely (a report, an open-data file), so this
// costs little. Queue reads are not logged: they would be every poll. The setting keeps the name
// it had before reads were added: under a new name, Azure would refuse a second setting sending
// the same categories to the same workspace.
resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'writes-and-deletes'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

// Queue writes and deletes: the source of the poison-queue alert.
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
