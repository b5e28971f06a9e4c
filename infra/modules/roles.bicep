// Built-in role definition IDs used by this template, in one place so each module names a role
// instead of repeating a GUID. These IDs are the same in every Azure tenant.

@export()
@description('Built-in Azure role definition IDs (the GUID part of the role definition resource ID).')
var builtInRoles = {
  // Read, write and delete blobs and containers; getUserDelegationKey for user-delegation SAS.
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // What Microsoft documents for the Functions host's own storage (AzureWebJobsStorage).
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Add messages to a queue, nothing else; what Event Grid needs to deliver to a storage queue.
  storageQueueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Read secret values; what a Key Vault reference in an app setting needs.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Create and rotate secrets; for the staff member who issues the admin key.
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  // Send telemetry to Application Insights when its local (key) authentication is disabled.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  // The operator group's read-only roles: blobs (dead letters, reports), queue messages (poison
  // queues, peeked, never taken), table entities (submission records), and the workspace's logs
  // (Key Vault's audit events, the storage logs, the app's traces).
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageQueueDataReader: '19e7f393-937e-4f77-808e-94535e297925'
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  logAnalyticsReader: '73c42c96-874c-492b-b04d-ab87d138a893'
  // For the Entra application that signs in to Azure Communication Services' SMTP endpoint: what
  // Microsoft documents for SMTP authentication, on the Communication Service only.
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
  // For the CI principal (infra/ci-access.bicep): deploy resources, and assign the roles above.
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  userAccessAdministrator: '18d7d88d-d35e-4fb5-a5c3-7773c4a72458'
}

@export()
@description('Every role infra/main.bicep assigns: the only roles the CI principal may assign or remove (infra/ci-access.bicep).')
var assignedByTemplate = [
  builtInRoles.storageBlobDataContributor
  builtInRoles.storageBlobDataOwner
  builtInRoles.storageQueueDataContributor
  builtInRoles.storageQueueDataMessageSender
  builtInRoles.storageTableDataContributor
  builtInRoles.keyVaultSecretsUser
  builtInRoles.keyVaultSecretsOfficer
  builtInRoles.monitoringMetricsPublisher
  builtInRoles.storageBlobDataReader
  builtInRoles.storageQueueDataReader
  builtInRoles.storageTableDataReader
  builtInRoles.logAnalyticsReader
  builtInRoles.communicationAndEmailServiceOwner
]
