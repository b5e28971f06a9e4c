// Key Vault for the pipeline's one secret, the admin key. Access is by Azure RBAC only (no access
// policies); the template never holds the secret's value: staff put it in (docs/deploy.md).
import { builtInRoles } from 'roles.bicep'

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends. Cannot be switched off once on.')
param purgeProtection bool

@description('Principal (object) ID of the Function App\'s user-assigned identity, which reads the secret.')
param appPrincipalId string

@description('Object ID of a staff user or group allowed to set and rotate secrets; empty for none.')
param keyAdministratorPrincipalId string

@description('Kind of principal keyAdministratorPrincipalId is.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param keyAdministratorPrincipalType string

@description('Resource ID of the Log Analytics workspace that receives the vault\'s audit events.')
param workspaceId string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // null leaves the property out: Key Vault accepts only true or nothing.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, builtInRoles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      builtInRoles.keyVaultSecretsUser
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource staffManagesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(keyAdministratorPrincipalId)) {
  name: guid(vault.id, keyAdministratorPrincipalId, builtInRoles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      builtInRoles.keyVaultSecretsOfficer
    )
    principalId: keyAdministratorPrincipalId
    principalType: keyAdministratorPrincipalType
  }
}

// Every access to the vault (who read or set the admin key, and when; denied requests too) goes to
// the workspace, where the operator group reads it (Log Analytics Reader).
resource auditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

@description('Name of the vault.')
output vaultName string = vault.name

@description('URI of the vault, ending in a slash.')
output vaultUri string = vault.properties.vaultUri
