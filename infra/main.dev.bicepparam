// A development environment deployed by hand (azd up uses infra/main.parameters.json instead):
// small, cheap to throw away (no purge protection, no delete lock, snapshots and backups
// immutable only as long as the tests need, so the resource group can be deleted soon after).
using 'main.bicep'

param environmentName = 'dev'
param production = false
param snapshotSchedule = '0 0 6 1 3 *'
param suppressionThreshold = 5
param softDeleteRetentionDays = 7
param snapshotImmutabilityDays = 1
param backupRetentionDays = 7
param dataDeleteLock = false
param keyVaultPurgeProtection = false
param logDailyQuotaGb = '0.1'
param maximumInstanceCount = 40
param alertEmailAddresses = []
param monthlyBudget = 20
