// Direct uploads reach the pipeline through Event Grid: every blob created in the data account's
// "uploads" container becomes one message (Event Grid schema) on the account's "upload-events"
// queue, which the ReceiveUploadEvent function takes into the intake. Shared keys are disabled, so
// Event Grid writes with the system topic's own managed identity, which may add messages to that
// one queue and write dead letters to one container, nothing more.
import { builtInRoles } from 'roles.bicep'

@description('Azure region of the data storage account; a system topic lives where its source does.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Event Grid system topic of the data storage account.')
param topicName string

@description('Name of the data storage account whose blob events are delivered.')
param dataAccountName string

@description('Container whose created blobs are direct uploads.')
param uploadsContainerName string

@description('Queue of the data account the events are delivered to; it must exist (the data storage module creates it).')
param queueName string

@description('Container of the data account where Event Grid writes the events it could not deliver.')
param deadLetterContainerName string

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dataAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' existing = {
  parent: account
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' existing = {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' existing = {
  parent: queueService
  name: queueName
}

// Events that fail for good (the queue gone, the role removed) land here instead of being
// dropped, so an upload is never lost silently; the alerts module watches the count.
resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deadLetterContainerName
  properties: { publicAccess: 'None' }
}

// An account has at most one system topic; it publishes the account's blob events, and only the
// subscription below decides which of them go anywhere.
resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Queue-scoped, not account-scoped: the topic's identity can add messages to upload-events only,
// never read or delete one, nor touch the submissions queue.
resource queueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(queue.id, topic.id, builtInRoles.storageQueueDataMessageSender)
  scope: queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageQueueDataMessageSender)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// What Event Grid documents for a dead-letter container, scoped to that container alone.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterContainer.id, topic.id, builtInRoles.storageBlobDataContributor)
  scope: deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageBlobDataContributor)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource uploadsToQueue 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: '${uploadsContainerName}-to-${queueName}'
  // Delivery and dead-lettering authenticate as the topic's identity: its roles come first.
  dependsOn: [queueSender, deadLetterWriter]
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      // The trailing slash keeps out containers whose names merely begin with "uploads".
      subjectBeginsWith: '/blobServices/default/containers/${uploadsContainerName}/'
    }
    deliveryWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: account.id
          queueName: queue.name
        }
      }
    }
    // Event Grid's own limits, stated so that they are deliberate: a transient failure is retried
    // for up to a day; what still fails goes to the dead-letter container.
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: account.id
          blobContainerName: deadLetterContainer.name
        }
      }
    }
  }
}

@description('Resource ID of the system topic, whose delivery metrics the alerts watch.')
output topicId string = topic.id
