// Production. Before the first deployment, set keyAdministratorPrincipalId to the staff group that
// issues the admin key and alertEmailAddresses to the staff who answer alerts (docs/deploy.md).
using 'main.bicep'

param environmentName = 'prod'
param snapshotSchedule = '0 0 6 1 3 *'
param suppressionThreshold = 5
param dataStorageSku = 'Standard_ZRS'
param softDeleteRetentionDays = 30
// Ten years, extendable later (a locked policy can be lengthened, never shortened).
param snapshotImmutabilityDays = 3650
// Switch to true after locking the policy (docs/deploy.md, "Lock the snapshots policy").
param snapshotImmutabilityLocked = false
param dataDeleteLock = true
param keyVaultPurgeProtection = true
param keyAdministratorPrincipalId = ''
param keyAdministratorPrincipalType = 'Group'
param alertEmailAddresses = []
param logRetentionDays = 90
param logDailyQuotaGb = '0.5'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
