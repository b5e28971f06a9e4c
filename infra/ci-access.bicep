// What the CI principal (the app registration GitHub Actions signs in as, docs/deploy.md "Set up
// CI") may do in the production resource group. Deployed once, by an Owner, before the first CI
// deployment:
//   az deployment group create -g <resource-group> --name observatory-ci-access -p infra/ci-access.bicepparam
// Contributor to deploy the resources. User Access Administrator to create the template's role
// assignments, with a condition: it may assign and remove only the roles infra/main.bicep assigns
// (roles.bicep, assignedByTemplate), so a compromised workflow cannot make itself or anyone else
// Owner. infra/check.sh checks that the list matches the roles the template really assigns.
targetScope = 'resourceGroup'

import { builtInRoles, assignedByTemplate } from 'modules/roles.bicep'

@description('Object ID of the CI principal\'s service principal (az ad sp show --id <client-id> --query id).')
param ciPrincipalId string

var assignable = join(assignedByTemplate, ', ')

// The documented form of "Allow user to only assign selected roles": a write must carry one of the
// roles, and so must the assignment a delete removes.
var onlyTemplateRoles = '''
(
 (
  !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})
 )
 OR
 (
  @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {ROLES}
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})
 )
 OR
 (
  @Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {ROLES}
 )
)
'''

resource deployer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, ciPrincipalId, builtInRoles.contributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.contributor)
    principalId: ciPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource roleAssigner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, ciPrincipalId, builtInRoles.userAccessAdministrator)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.userAccessAdministrator)
    principalId: ciPrincipalId
    principalType: 'ServicePrincipal'
    description: 'May assign and remove only the roles infra/main.bicep assigns.'
    condition: replace(onlyTemplateRoles, '{ROLES}', '{${assignable}}')
    conditionVersion: '2.0'
  }
}
