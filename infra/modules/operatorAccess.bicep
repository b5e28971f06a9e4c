// Read-only access for the operator group, which answers the alerts (docs/deploy.md, "Alerts"):
// it peeks at poison queues, reads dead letters, reports and submission records, and reads the
// workspace's logs (Key Vault's audit events, the storage logs, the app's traces). It can change
// nothing: no write, delete or message-taking role, and no Key Vault secret.
import { builtInRoles } from 'roles.bicep'

@description('Object ID of the operator group.')
param operatorGroupPrincipalId string

@description('Name of the pipeline\'s data storage account.')
param dataAccountName string

@description('Name of the Functions host\'s storage account.')
param hostAccountName string

@description('Name of the Log Analytics workspace.')
param workspaceName string

var storageReaderRoles = [
  builtInRoles.storageBlobDataReader
  builtInRoles.storageQueueDataReader
  builtInRoles.storageTableDataReader
]

resource dataAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dataAccountName
}

resource hostAccount 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: hostAccountName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: workspaceName
}

resource dataReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageReaderRoles: {
    name: guid(dataAccount.id, operatorGroupPrincipalId, roleId)
    scope: dataAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: operatorGroupPrincipalId
      principalType: 'Group'
    }
  }
]

resource hostReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageReaderRoles: {
    name: guid(hostAccount.id, operatorGroupPrincipalId, roleId)
    scope: hostAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: operatorGroupPrincipalId
      principalType: 'Group'
    }
  }
]

resource logReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, operatorGroupPrincipalId, builtInRoles.logAnalyticsReader)
  scope: workspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.logAnalyticsReader)
    principalId: operatorGroupPrincipalId
    principalType: 'Group'
  }
}
