// Alerts for the ways a return can go missing without anyone noticing: a message that ends in a
// poison queue, a submission the app gives up on, and a direct upload whose event Event Grid could
// not deliver. All notify the staff addresses given.

@description('Azure region of the log search alert rules.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Prefix of the alert rule names.')
param namePrefix string

@description('Resource ID of the Log Analytics workspace holding the app\'s traces and the storage logs.')
param workspaceId string

@description('Resource ID of the data storage account, whose queues are watched.')
param dataStorageAccountId string

@description('Resource ID of the Event Grid system topic that delivers direct-upload events.')
param uploadEventsTopicId string

@description('E-mail addresses of the staff who are alerted; empty creates the rules without notifications.')
param alertEmailAddresses string[]

var notify = !empty(alertEmailAddresses)

resource staff 'Microsoft.Insights/actionGroups@2023-01-01' = if (notify) {
  name: '${namePrefix}-staff'
  location: 'Global'
  tags: tags
  properties: {
    groupShortName: 'observatory'
    enabled: true
    emailReceivers: [
      for (address, i) in alertEmailAddresses: {
        name: 'staff-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = notify ? { actionGroups: [staff.id] } : { actionGroups: [] }

// A message lands in a poison queue (any queue whose name ends in "-poison") when its function
// failed on every attempt. The storage write logs show each arrival, per queue; arrivals more
// than 10 minutes old that were not deleted since mean the queue is not empty.
var poisonQuery = '''
let settled = ago(10m);
StorageQueueLogs
| where StatusText == "Success" and OperationName in ("PutMessage", "DeleteMessage")
| extend Queue = tostring(split(tostring(parse_url(Uri).Path), "/")[1])
| where Queue endswith "-poison"
| summarize Arrived = countif(OperationName == "PutMessage" and TimeGenerated < settled),
            Removed = countif(OperationName == "DeleteMessage") by Queue
| where Arrived > Removed
'''

resource poisonQueueNotEmpty 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-poison-queue-not-empty'
  location: location
  tags: tags
  properties: {
    displayName: 'Observatory: a poison queue is not empty'
    description: 'Messages were moved to a poison queue and have not been handled. See docs/deploy.md, "Alerts".'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'P1D'
    criteria: {
      allOf: [
        {
          query: poisonQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          dimensions: [
            { name: 'Queue', operator: 'Include', values: ['*'] }
          ]
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

// The app logs "Submission {SubmissionId} failed" at Error level when it gives a submission up.
var failedSubmissionQuery = '''
AppTraces
| where SeverityLevel >= 3
| where Message matches regex @"^Submission \S+ failed"
'''

resource submissionFailed 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-submission-failed'
  location: location
  tags: tags
  properties: {
    displayName: 'Observatory: a submission failed'
    description: 'The pipeline could not process a submission after its retries; the raw file is kept. See docs/deploy.md, "Alerts".'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: failedSubmissionQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: false
    actions: actions
  }
}

// A safety net that needs no logs: messages have sat in the account's queues for hours. The
// platform metric counts all queues of the account together, once an hour, and offers only the
// average; an average of at least one message over six hourly samples means the queues were not
// empty for most of that time, which a queue that is being consumed never is.
resource queueBacklog 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: '${namePrefix}-queue-backlog'
  location: 'global'
  tags: tags
  properties: {
    description: 'Messages have waited in the data account\'s queues for six hours. See docs/deploy.md, "Alerts".'
    severity: 2
    enabled: true
    scopes: ['${dataStorageAccountId}/queueServices/default']
    evaluationFrequency: 'PT1H'
    windowSize: 'PT6H'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'messages-waiting'
          metricNamespace: 'Microsoft.Storage/storageAccounts/queueServices'
          metricName: 'QueueMessageCount'
          timeAggregation: 'Average'
          operator: 'GreaterThanOrEqual'
          threshold: 1
        }
      ]
    }
    autoMitigate: true
    actions: [for id in actions.actionGroups: { actionGroupId: id }]
  }
}

// A direct upload announced by no message never becomes a submission, and nobody would know:
// Event Grid dead-letters an event it cannot deliver for good (queue gone, role removed, a day of
// failed retries) and drops one it cannot even dead-letter. Either count above zero alerts.
var undeliveredUploadEvents = [
  { name: 'dead-lettered', metric: 'DeadLetteredCount', fate: 'wrote it to the dead-letter container' }
  { name: 'dropped', metric: 'DroppedEventCount', fate: 'dropped it' }
]

resource uploadEventUndelivered 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for undelivered in undeliveredUploadEvents: {
    name: '${namePrefix}-upload-event-${undelivered.name}'
    location: 'global'
    tags: tags
    properties: {
      description: 'Event Grid could not deliver the event of a direct upload and ${undelivered.fate}: the upload has not reached the pipeline. See docs/deploy.md, "Alerts".'
      severity: 1
      enabled: true
      scopes: [uploadEventsTopicId]
      evaluationFrequency: 'PT15M'
      windowSize: 'PT15M'
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: undelivered.name
            metricNamespace: 'Microsoft.EventGrid/systemTopics'
            metricName: undelivered.metric
            timeAggregation: 'Total'
            operator: 'GreaterThan'
            threshold: 0
          }
        ]
      }
      autoMitigate: true
      actions: [for id in actions.actionGroups: { actionGroupId: id }]
    }
  }
]
