// Production. Deployed by CI (.github/workflows/ci.yml) under the deployment name "observatory".
// Who is alerted, who issues the admin key and who operates come from the environment: CI sets
// them from the repository variables of the same names (docs/deploy.md, "Before the first
// production deployment"). readEnvironmentVariable without a default fails when one is not set,
// and main.bicep refuses production when one is empty: production never starts blind.
using 'main.bicep'

param environmentName = 'prod'
param production = true
param snapshotSchedule = '0 0 6 1 3 *'
param backupSchedule = '0 30 2 * * *'
param backupRetentionDays = 35
param suppressionThreshold = 5
param dataStorageSku = 'Standard_ZRS'
param softDeleteRetentionDays = 30
// Ten years, extendable later (a locked policy can be lengthened, never shortened).
param snapshotImmutabilityDays = 3650
// Whether the snapshots policy is locked is read from Azure at each deployment (CI passes
// snapshotImmutabilityLocked=<state>, docs/deploy.md "Lock the snapshots policy"); this is the
// value for a deployment by hand that does not pass it. Set it to true once the policy is locked.
param snapshotImmutabilityLocked = false
param dataDeleteLock = true
param keyVaultPurgeProtection = true
param keyAdministratorPrincipalId = readEnvironmentVariable('OBSERVATORY_KEY_ADMINISTRATOR')
param keyAdministratorPrincipalType = 'Group'
param operatorGroupPrincipalId = readEnvironmentVariable('OBSERVATORY_OPERATOR_GROUP')
// Comma-separated in the variable: "ana@example.org,luis@example.org".
param alertEmailAddresses = filter(
  map(split(readEnvironmentVariable('OBSERVATORY_ALERT_EMAILS'), ','), address => trim(address)),
  address => !empty(address)
)
// E-mail: the Entra application that signs in to the SMTP endpoint (docs/deploy.md, "E-mail"), the
// staff who receive the daily summary (";"-separated; may be empty), and a custom sending domain
// (empty for the Azure-managed domain).
param smtpClientId = readEnvironmentVariable('OBSERVATORY_SMTP_CLIENT_ID')
param smtpPrincipalId = readEnvironmentVariable('OBSERVATORY_SMTP_PRINCIPAL')
param staffNotificationAddresses = readEnvironmentVariable('OBSERVATORY_STAFF_NOTIFICATION_EMAILS', '')
param emailDomainName = readEnvironmentVariable('OBSERVATORY_EMAIL_DOMAIN', '')
param monthlyBudget = 50
param logRetentionDays = 90
param logDailyQuotaGb = '0.5'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
