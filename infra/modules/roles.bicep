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
}
