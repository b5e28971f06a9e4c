// E-mail for the notifications: an Azure Communication Services Email service with one sending
// domain (the Azure-managed one, or a custom domain staff verify in DNS; docs/deploy.md, "E-mail"),
// linked to a Communication Service whose SMTP endpoint (smtp.azurecomm.net:587, STARTTLS) the
// Function App sends through. SMTP authenticates as an Entra application: its client secret lives
// in Key Vault (the app setting is a Key Vault reference) and this template gives the
// application's service principal the right to send through this Communication Service only.

@description('Tags applied to every resource.')
param tags object

@description('Name of the Email Communication Service.')
param emailServiceName string

@description('Name of the Communication Service.')
param communicationServiceName string

@description('Where the services keep their data at rest (a geography, not a region).')
param dataLocation string

@description('A custom sending domain (e.g. notifications.example.org), verified through DNS records; empty for the Azure-managed domain.')
param customDomainName string

@description('Object ID of the service principal of the Entra application that authenticates to SMTP; empty leaves sending unauthorised until it is set.')
param smtpPrincipalId string

import { builtInRoles } from 'roles.bicep'

var managed = empty(customDomainName)

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  // Communication resources are global; their data stays in dataLocation.
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: managed ? 'AzureManagedDomain' : customDomainName
  location: 'global'
  tags: tags
  properties: {
    domainManagement: managed ? 'AzureManaged' : 'CustomerManaged'
    // No tracking pixels or rewritten links in mails to focal points.
    userEngagementTracking: 'Disabled'
  }
}

resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = {
  parent: domain
  name: 'donotreply'
  properties: {
    username: 'DoNotReply'
    displayName: 'Observatory'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [domain.id]
  }
}

// "Communication and Email Service Owner" on this Communication Service only: what the SMTP
// endpoint requires of the Entra application that signs in.
var communicationAndEmailServiceOwner = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.communicationAndEmailServiceOwner)

resource smtpMaySend 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(smtpPrincipalId)) {
  name: guid(communication.id, smtpPrincipalId, communicationAndEmailServiceOwner)
  scope: communication
  properties: {
    roleDefinitionId: communicationAndEmailServiceOwner
    principalId: smtpPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('The sender address: DoNotReply at the domain (the Azure-managed domain\'s is known only once it exists).')
output fromAddress string = '${sender.properties.username}@${domain.properties.mailFromSenderDomain}'

@description('The Communication Service\'s name, the first part of an SMTP user name.')
output communicationServiceName string = communication.name

@description('The domain\'s DNS records to create for a custom domain (verification, SPF, DKIM); empty for the managed one.')
output verificationRecords object = managed ? {} : domain.properties.verificationRecords
