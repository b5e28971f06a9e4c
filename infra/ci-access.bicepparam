// The CI principal's access to the production resource group (infra/ci-access.bicep). Set
// OBSERVATORY_CI_PRINCIPAL_ID to the object ID of its service principal before deploying.
using 'ci-access.bicep'

param ciPrincipalId = readEnvironmentVariable('OBSERVATORY_CI_PRINCIPAL_ID')
