// Alerts for the ways a return can go missing without anyone noticing (a message that ends in a
// poison queue, a submission the app gives up on, a direct upload whose event Event Grid could not
// deliver), for the ways the service can fail or go blind (a scheduled function that fails, server
// errors, the API unreachable, the host not starting, the daily log cap reached), and the monthly
// budget. All notify the staff addresses given.
//
// Log search rules skip query validation: on a first deployment the workspace is new and its
// tables (StorageQueueLogs, AppRequests, ...) do not exist until data arrives, and Azure refuses to
// create a validated rule over a table that does not exist. A query that is wrong shows as a
// failed evaluation in the rule's history (docs/deploy.md, "Alerts", says how to check them).

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

@description('Resource ID of the Application Insights component (availability results, the app\'s requests).')
param appInsightsId string

@description('Default host name of the Function App, whose GET /api/catalog the availability test calls.')
param appHostName string

@description('Monthly budget of the resource group, in the billing currency; notifications at 80% spent and 100% forecast.')
param monthlyBudget int

@description('First day of the budget\'s first month (yyyy-MM-01).')
param budgetStartDate string

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
    windowSize: 'P2D'
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
    // Never resolved by itself: the rule's window ends, a message in a poison queue does not. The
    // alert stays open until an operator has handled the queue and closes it; meanwhile the
    // queue-backlog alert below keeps firing as long as any message waits.
    autoMitigate: false
    skipQueryValidation: true
    actions: actions
  }
}

// Notifications that could not be mailed after every retry wait in "notifications-poison": the
// generic rule above names the queue; this one says what it means for staff (the SMTP endpoint or
// its credentials), at a lower severity because no data is at stake. Staff see the messages on the
// staff page and GET /api/admin/notifications/poison.
var notificationsPoisonQuery = '''
let settled = ago(10m);
StorageQueueLogs
| where StatusText == "Success" and OperationName in ("PutMessage", "DeleteMessage")
| extend Queue = tostring(split(tostring(parse_url(Uri).Path), "/")[1])
| where Queue == "notifications-poison"
| summarize Arrived = countif(OperationName == "PutMessage" and TimeGenerated < settled),
            Removed = countif(OperationName == "DeleteMessage") by Queue
| where Arrived > Removed
'''

resource notificationsNotSent 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: '${namePrefix}-notifications-not-sent'
  location: location
  tags: tags
  properties: {
    displayName: 'Observatory: e-mail notifications could not be sent'
    description: 'Notifications reached notifications-poison after every retry: check the SMTP settings and the Entra application\'s secret. See docs/deploy.md, "E-mail".'
    severity: 2
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'P2D'
    criteria: {
      allOf: [
        {
          query: notificationsPoisonQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: false
    skipQueryValidation: true
    actions: actions
  }
}

// The app logs "Submission {SubmissionId} failed" at Error level when it gives a submission up.
var failedSubmissionQuery = '''
AppTraces
| where SeverityLevel >= 3
| where Message matches regex @"^Submission \S+ failed"
'''

// Scheduled functions appear in AppRequests under their function name, as HTTP calls do.
var timerFailedQuery = '''
AppRequests
| where Name in ("CompileScheduledSnapshot", "BackupTables") and Success == false
'''

var serverErrorQuery = '''
AppRequests
| where toint(ResultCode) >= 500
'''

// The Functions host logs under "Host.Startup" and reports "A host error has occurred during
// startup operation" when a setting, a Key Vault reference or a role keeps it from starting.
var hostStartFailedQuery = '''
union AppTraces, AppExceptions
| where SeverityLevel >= 3
| where tostring(Properties.Category) startswith "Host.Startup"
    or Message has "A host error has occurred during startup"
    or OuterMessage has "A host error has occurred during startup"
'''

// The workspace records in its own operation log (exempt from the cap) when ingestion stops.
var dailyCapQuery = '''
_LogOperation
| where Category =~ "Ingestion"
| where Detail has "OverQuota"
'''

var logRules = [
  {
    name: 'submission-failed'
    displayName: 'Observatory: a submission failed'
    description: 'The pipeline could not process a submission after its retries; the raw file is kept. See docs/deploy.md, "Alerts".'
    severity: 1
    query: failedSubmissionQuery
  }
  {
    name: 'timer-failed'
    displayName: 'Observatory: a scheduled function failed'
    description: 'The yearly snapshot (CompileScheduledSnapshot) or the nightly table backup (BackupTables) failed. See docs/deploy.md, "Alerts".'
    severity: 1
    query: timerFailedQuery
  }
  {
    name: 'http-5xx'
    displayName: 'Observatory: the API answered with server errors'
    description: 'HTTP functions answered with a 5xx status. See docs/deploy.md, "Alerts".'
    severity: 2
    query: serverErrorQuery
  }
  {
    name: 'host-start-failed'
    displayName: 'Observatory: the Functions host failed to start'
    description: 'The Functions host logged an error while starting. See docs/deploy.md, "Alerts".'
    severity: 1
    query: hostStartFailedQuery
  }
  {
    name: 'daily-log-cap-reached'
    displayName: 'Observatory: the daily log cap was reached'
    description: 'The workspace stopped collecting logs until midnight UTC, so every log alert is blind until then. See docs/deploy.md, "Alerts".'
    severity: 1
    query: dailyCapQuery
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in logRules: {
    name: '${namePrefix}-${rule.name}'
    location: location
    tags: tags
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [workspaceId]
      evaluationFrequency: 'PT15M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      autoMitigate: false
      skipQueryValidation: true
      actions: actions
    }
  }
]

// A standard availability test: GET /api/catalog (anonymous, answered from memory) from three
// regions every 15 minutes; the alert fires when two regions fail in the same window.
resource catalogAvailability 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-catalog-availability'
  location: location
  // Application Insights lists the test under the component this hidden link names.
  tags: union(tags, { 'hidden-link:${appInsightsId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-catalog-availability'
    Name: 'GET /api/catalog'
    Description: 'The public catalog answers 200 over HTTPS.'
    Enabled: true
    Kind: 'standard'
    Frequency: 900
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'us-va-ash-azr' }
      { Id: 'latam-br-gru-edge' }
      { Id: 'us-ca-sjc-azr' }
    ]
    Request: {
      RequestUrl: 'https://${appHostName}/api/catalog'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource catalogUnavailable 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: '${namePrefix}-catalog-unavailable'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /api/catalog failed from at least two of the three test regions. See docs/deploy.md, "Alerts".'
    severity: 1
    enabled: true
    scopes: [catalogAvailability.id, appInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: catalogAvailability.id
      componentId: appInsightsId
      failedLocationCount: 2
    }
    autoMitigate: true
    actions: [for id in actions.actionGroups: { actionGroupId: id }]
  }
}

// What the resource group may cost in a month (docs/deploy.md, "What it costs": the figures at
// rest and at the most the plan can scale to). Budgets notify; they never stop anything.
resource budget 'Microsoft.Consumption/budgets@2024-08-01' = {
  name: '${namePrefix}-monthly'
  properties: {
    category: 'Cost'
    amount: monthlyBudget
    timeGrain: 'Monthly'
    timePeriod: { startDate: budgetStartDate }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: alertEmailAddresses
        contactRoles: ['Owner']
        contactGroups: actions.actionGroups
      }
      forecast100: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: alertEmailAddresses
        contactRoles: ['Owner']
        contactGroups: actions.actionGroups
      }
    }
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
