// Development environment: small, cheap to throw away (no purge protection, no delete lock,
// snapshots immutable for one day only so the resource group can be deleted after tests).
using 'main.bicep'

param environmentName = 'dev'
param snapshotSchedule = '0 0 6 1 3 *'
param suppressionThreshold = 5
param softDeleteRetentionDays = 7
param snapshotImmutabilityDays = 1
param dataDeleteLock = false
param keyVaultPurgeProtection = false
param logDailyQuotaGb = '0.1'
param maximumInstanceCount = 40
param alertEmailAddresses = []
