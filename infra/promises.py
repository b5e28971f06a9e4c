#!/usr/bin/env python3
"""Checks one environment's evaluated deployment of infra/main.bicep against the promises that
docs/deploy.md makes (keyless storage, the identity's exact roles, Flex Consumption, immutable
snapshots and backups, identity-based settings, the Event Grid delivery of direct uploads, audit
logs, alerts, the budget, production failing closed), so that a later edit cannot quietly break
them.

Usage: promises.py ENV SNAPSHOT PARAMETERS TEMPLATE [LABEL]
  ENV         environment name, as in main.<ENV>.bicepparam (a parameter set with production=true
              is held to stricter rules)
  SNAPSHOT    output of `bicep snapshot main.<ENV>.bicepparam` (resources with values evaluated)
  PARAMETERS  output of `bicep build-params main.<ENV>.bicepparam`
  TEMPLATE    output of `bicep build main.bicep` (the ARM JSON that is deployed)
  LABEL       name shown in the output (default: ENV), for variants of one environment

Prints one line per check, "PASS <check> (<label>)" or "FAIL <check> (<label>): <reason>", and exits
non-zero when any check fails. Values only known at deployment (an identity's principal ID, an
account's endpoints) stay ARM expressions in the snapshot; the checks then verify which resource
the expression reads.
"""
import json
import re
import sys

ROLE = {
    "storageBlobDataContributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    "storageBlobDataOwner": "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    "storageQueueDataContributor": "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
    "storageQueueDataMessageSender": "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a",
    "storageTableDataContributor": "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    "keyVaultSecretsUser": "4633458b-17de-408a-b874-0445c86b69e6",
    "keyVaultSecretsOfficer": "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    "monitoringMetricsPublisher": "3913510d-42f4-4e42-8a64-420c390055eb",
    "storageBlobDataReader": "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
    "storageQueueDataReader": "19e7f393-937e-4f77-808e-94535e297925",
    "storageTableDataReader": "76199698-9eea-4c19-bc75-cec21354c6b6",
    "logAnalyticsReader": "73c42c96-874c-492b-b04d-ab87d138a893",
    "communicationAndEmailServiceOwner": "09976791-48a7-449e-bb21-39d1a415f350",
}
STORAGE_READERS = (ROLE["storageBlobDataReader"], ROLE["storageQueueDataReader"], ROLE["storageTableDataReader"])
ROLE_NAME = {guid: name for name, guid in ROLE.items()}

EXPECTED_QUEUES = {"submissions", "upload-events", "notifications"}
EXPECTED_TABLES = {"submissions", "observations", "apikeys", "snapshots", "locks", "audit", "contacts", "notifications"}
EXPECTED_CONTAINERS = {"raw", "reports", "uploads", "snapshots", "backups", "upload-events-deadletter"}
# Containers whose blob reads and writes must be logged: child-victim data, direct uploads, backups.
AUDITED_CONTAINERS = ("raw", "uploads", "backups")
BACKUPS_CONTAINER = "backups"
# The scheduled functions the timer alert watches, by their function names.
TIMER_FUNCTIONS = ("CompileScheduledSnapshot", "BackupTables")
# Direct uploads: Event Grid announces each blob created in UPLOADS_CONTAINER on UPLOAD_EVENTS_QUEUE
# and writes what it cannot deliver to UPLOAD_DEAD_LETTERS, all in the data account.
UPLOADS_CONTAINER = "uploads"
UPLOAD_EVENTS_QUEUE = "upload-events"
UPLOAD_DEAD_LETTERS = "upload-events-deadletter"
# Settings Flex Consumption rejects, or that would carry a storage secret.
FORBIDDEN_SETTINGS = {
    "AzureWebJobsStorage", "Storage", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION",
    "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
    "APPINSIGHTS_INSTRUMENTATIONKEY",
}
SECRET_MARKERS = ("AccountKey=", "SharedAccessSignature=", "DefaultEndpointsProtocol=", "sig=")
KEY_FUNCTIONS = ("listKeys(", "listAccountSas(", "listServiceSas(", "listConnectionStrings(")
# Oldest API versions the template's properties need (functionAppConfig, immutability with versioning).
MINIMUM_API = {"Microsoft.Storage": "2023-05-01", "Microsoft.Web": "2023-12-01"}
NCRONTAB_FIELD = re.compile(r"^[0-9*/,\-A-Za-z]+$")


class Deployment:
    """The evaluated resources of one environment, with lookups the checks share."""

    def __init__(self, env, snapshot, parameters, template):
        self.env = env
        self.resources = snapshot["predictedResources"]
        self.parameters = {name: entry.get("value") for name, entry in parameters["parameters"].items()}
        # Production rules follow the parameter, not the environment's name, which is free.
        self.production = self.parameters.get("production") is True
        self.template_text = json.dumps(template)
        self.snapshot_text = json.dumps(snapshot)

    def of_type(self, resource_type):
        return [r for r in self.resources if r["type"].lower() == resource_type.lower()]

    def one(self, resource_type):
        found = self.of_type(resource_type)
        if len(found) != 1:
            raise AssertionError(f"expected one {resource_type}, found {len(found)}")
        return found[0]

    def child(self, resource_type, parent_id, name):
        wanted = f"{parent_id}/{resource_type.split('/')[-1]}/{name}".lower()
        return next((r for r in self.of_type(resource_type) if r["id"].lower() == wanted), None)

    @property
    def identity(self):
        return self.one("Microsoft.ManagedIdentity/userAssignedIdentities")

    @property
    def app(self):
        return self.one("Microsoft.Web/sites")

    @property
    def settings(self):
        return next(r for r in self.of_type("Microsoft.Web/sites/config") if r["name"].endswith("/appsettings"))["properties"]

    def account_read_by(self, setting):
        """The storage account whose endpoint an app setting reads."""
        value = self.settings.get(setting, "")
        match = re.search(r"reference\('([^']+/Microsoft\.Storage/storageAccounts/[^']+)'", value)
        if not match:
            raise AssertionError(f"{setting} does not read a storage account's endpoint: {value!r}")
        return next(r for r in self.of_type("Microsoft.Storage/storageAccounts") if r["id"] == match.group(1))

    @property
    def upload_topic(self):
        """The Event Grid system topic of the data account."""
        topics = [t for t in self.of_type("Microsoft.EventGrid/systemTopics")
                  if t["properties"].get("source") == self.data_account["id"]]
        if len(topics) != 1:
            raise AssertionError(f"expected one Event Grid system topic on the data account, found {len(topics)}")
        return topics[0]

    @property
    def data_account(self):
        return self.account_read_by("Storage__blobServiceUri")

    @property
    def host_account(self):
        return self.account_read_by("AzureWebJobsStorage__blobServiceUri")

    def reads_identity(self, value, field):
        """True when an expression reads the given field (principalId, clientId) of the app's identity."""
        return isinstance(value, str) and f"reference('{self.identity['id']}'" in value and value.endswith(f".{field}]")

    def reads_topic_identity(self, value):
        """True when an expression reads the principal ID of the upload topic's system-assigned identity."""
        topics = self.of_type("Microsoft.EventGrid/systemTopics")
        return isinstance(value, str) and value.endswith(".identity.principalId]") and any(
            f"reference('{t['id']}'" in value for t in topics)

    def upload_topic_roles(self):
        """Where the upload topic's identity may act: exactly these (role, scope) pairs."""
        data_id = self.data_account["id"]
        return {
            (ROLE["storageQueueDataMessageSender"], f"{data_id}/queueServices/default/queues/{UPLOAD_EVENTS_QUEUE}"),
            (ROLE["storageBlobDataContributor"], f"{data_id}/blobServices/default/containers/{UPLOAD_DEAD_LETTERS}"),
        }

    def reads_workspace(self):
        return self.one("Microsoft.OperationalInsights/workspaces")["id"]

    def diagnostic_settings_of(self, resource_id):
        """The diagnostic settings whose scope is the given resource."""
        return [r for r in self.of_type("Microsoft.Insights/diagnosticSettings")
                if r["id"].startswith(f"[extensionResourceId('{resource_id}'") or r["id"].startswith(resource_id + "/providers/")]

    def operator_roles(self):
        """Where the operator group may read: exactly these (role, scope) pairs."""
        pairs = {(role, account) for role in STORAGE_READERS for account in (self.data_account["id"], self.host_account["id"])}
        pairs.add((ROLE["logAnalyticsReader"], self.reads_workspace()))
        return pairs

    def role_assignments(self):
        """(principal expression, role GUID, scope ID) of every role assignment."""
        result = []
        for r in self.of_type("Microsoft.Authorization/roleAssignments"):
            # The ID is a literal path when the name could be evaluated, else an extensionResourceId() expression.
            scope = (re.match(r"^\[extensionResourceId\('([^']+)', 'Microsoft\.Authorization/roleAssignments'", r["id"])
                     or re.match(r"^(/.+)/providers/Microsoft\.Authorization/roleAssignments/[^/]+$", r["id"]))
            scope_id = scope.group(1) if scope else r["id"]
            role = r["properties"]["roleDefinitionId"].rsplit("/", 1)[-1]
            result.append((r["properties"]["principalId"], role, scope_id))
        return result


CHECKS = []


def check(name):
    def register(function):
        CHECKS.append((name, function))
        return function
    return register


def require(condition, reason):
    if not condition:
        raise AssertionError(reason)


@check("storage-keyless")
def storage_keyless(d):
    accounts = d.of_type("Microsoft.Storage/storageAccounts")
    require(len(accounts) >= 2, "expected the data and the host storage accounts")
    for a in accounts:
        p = a["properties"]
        require(p.get("allowSharedKeyAccess") is False, f"{a['name']}: allowSharedKeyAccess must be false")
        require(p.get("defaultToOAuthAuthentication") is True, f"{a['name']}: defaultToOAuthAuthentication must be true")


@check("storage-tls12-https")
def storage_tls(d):
    for a in d.of_type("Microsoft.Storage/storageAccounts"):
        p = a["properties"]
        require(p.get("minimumTlsVersion") == "TLS1_2", f"{a['name']}: minimumTlsVersion must be TLS1_2")
        require(p.get("supportsHttpsTrafficOnly") is True, f"{a['name']}: supportsHttpsTrafficOnly must be true")


@check("storage-no-public-access")
def storage_private(d):
    for a in d.of_type("Microsoft.Storage/storageAccounts"):
        require(a["properties"].get("allowBlobPublicAccess") is False, f"{a['name']}: allowBlobPublicAccess must be false")
    for c in d.of_type("Microsoft.Storage/storageAccounts/blobServices/containers"):
        access = c.get("properties", {}).get("publicAccess", "None")
        require(access == "None", f"{c['name']}: publicAccess is {access}")


@check("data-containers-queues-tables")
def data_layout(d):
    data_id = d.data_account["id"]
    def names(resource_type):
        return {r["name"].rsplit("/", 1)[-1] for r in d.of_type(resource_type) if r["id"].startswith(data_id + "/")}
    containers = names("Microsoft.Storage/storageAccounts/blobServices/containers")
    queues = names("Microsoft.Storage/storageAccounts/queueServices/queues")
    tables = names("Microsoft.Storage/storageAccounts/tableServices/tables")
    require(EXPECTED_CONTAINERS <= containers, f"missing containers {sorted(EXPECTED_CONTAINERS - containers)}")
    require(EXPECTED_TABLES <= tables, f"missing tables {sorted(EXPECTED_TABLES - tables)}")
    require(EXPECTED_QUEUES <= queues, f"missing queues {sorted(EXPECTED_QUEUES - queues)}")
    without_poison = [q for q in queues if not q.endswith("-poison") and f"{q}-poison" not in queues]
    require(not without_poison, f"queues without a poison queue: {without_poison}")


@check("data-versioning-soft-delete")
def data_protection(d):
    blob = d.child("Microsoft.Storage/storageAccounts/blobServices", d.data_account["id"], "default")
    require(blob is not None, "the data account has no blob service settings")
    p = blob["properties"]
    require(p.get("isVersioningEnabled") is True, "blob versioning must be on")
    for policy in ("deleteRetentionPolicy", "containerDeleteRetentionPolicy"):
        value = p.get(policy, {})
        require(value.get("enabled") is True and value.get("days", 0) >= 1, f"{policy} must be enabled")


@check("snapshots-immutable")
def snapshots_immutable(d):
    data_id = d.data_account["id"]
    container = d.child("Microsoft.Storage/storageAccounts/blobServices/containers", f"{data_id}/blobServices/default", "snapshots")
    require(container is not None, "no snapshots container")
    worm = container["properties"].get("immutableStorageWithVersioning", {})
    require(worm.get("enabled") is True, "snapshots: version-level immutability must be enabled")
    policy = d.child("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies", container["id"], "default")
    if d.parameters.get("snapshotImmutabilityLocked") is True:
        require(policy is None, "the policy is declared locked, yet the template would rewrite it")
        return "policy locked outside the template"
    require(policy is not None, "snapshots: no default immutability policy")
    p = policy["properties"]
    days = p.get("immutabilityPeriodSinceCreationInDays", 0)
    require(days >= (3650 if d.production else 1), f"snapshots: immutability of {days} days is too short for {d.env}")
    require(not p.get("allowProtectedAppendWrites") and not p.get("allowProtectedAppendWritesAll"),
            "snapshots: appends to protected blobs must not be allowed")
    return f"{days} days"


@check("identity-roles-exact")
def identity_roles(d):
    data_id, host_id = d.data_account["id"], d.host_account["id"]
    vault_id = d.one("Microsoft.KeyVault/vaults")["id"]
    insights_id = d.one("Microsoft.Insights/components")["id"]
    expected = {
        (ROLE["storageBlobDataContributor"], data_id),
        (ROLE["storageQueueDataContributor"], data_id),
        (ROLE["storageTableDataContributor"], data_id),
        (ROLE["storageBlobDataOwner"], host_id),
        (ROLE["storageTableDataContributor"], host_id),
        (ROLE["keyVaultSecretsUser"], vault_id),
        (ROLE["monitoringMetricsPublisher"], insights_id),
    }
    granted = {(role, scope) for principal, role, scope in d.role_assignments() if d.reads_identity(principal, "principalId")}
    def describe(pairs):
        return ", ".join(f"{ROLE_NAME.get(role, role)} on {scope.rsplit('/', 1)[-1]}" for role, scope in sorted(pairs))
    require(not granted - expected, f"unexpected roles for the app's identity: {describe(granted - expected)}")
    require(not expected - granted, f"missing roles for the app's identity: {describe(expected - granted)}")
    # Four other principals hold roles, each checked to the exact pair: the key administrator, the
    # operator group (operator-read-roles), the system identity of the Event Grid topic that
    # delivers upload events (upload-events-delivery), and the Entra application that signs in to
    # the SMTP endpoint (on the Communication Service only).
    operator = d.parameters.get("operatorGroupPrincipalId") or None
    key_administrator = d.parameters.get("keyAdministratorPrincipalId") or None
    smtp = d.parameters.get("smtpPrincipalId") or None
    communication = [r["id"] for r in d.of_type("Microsoft.Communication/communicationServices")]
    for principal, role, scope in d.role_assignments():
        if d.reads_identity(principal, "principalId"):
            continue
        if d.reads_topic_identity(principal):
            require((role, scope) in d.upload_topic_roles(),
                    f"the upload topic's identity may not hold {ROLE_NAME.get(role, role)} on {scope}")
        elif principal == operator and (role, scope) in d.operator_roles():
            continue
        elif principal == smtp and role == ROLE["communicationAndEmailServiceOwner"] and scope in communication:
            continue
        else:
            require(principal == key_administrator and role == ROLE["keyVaultSecretsOfficer"] and scope == vault_id,
                    f"only the key administrator's Key Vault Secrets Officer role and the operator group's read roles may go to another principal, found {ROLE_NAME.get(role, role)} on {scope}")


@check("upload-events-delivery")
def upload_events(d):
    data_id = d.data_account["id"]
    topic = d.upload_topic
    require(topic["properties"].get("topicType") == "Microsoft.Storage.StorageAccounts",
            f"the system topic's type is {topic['properties'].get('topicType')}")
    require(topic.get("identity", {}).get("type") == "SystemAssigned", "the system topic must have a system-assigned identity")
    subscriptions = [s for s in d.of_type("Microsoft.EventGrid/systemTopics/eventSubscriptions")
                     if s["id"].startswith(topic["id"] + "/eventSubscriptions/")]
    def to_upload_queue(s):
        destination = s["properties"].get("deliveryWithResourceIdentity", {}).get("destination", {})
        return (destination.get("endpointType") == "StorageQueue"
                and destination.get("properties", {}).get("resourceId") == data_id
                and destination.get("properties", {}).get("queueName") == UPLOAD_EVENTS_QUEUE)
    delivering = [s for s in subscriptions if to_upload_queue(s)]
    require(len(delivering) == 1, f"expected one subscription delivering with a managed identity to the {UPLOAD_EVENTS_QUEUE} queue of the data account, found {len(delivering)}")
    p = delivering[0]["properties"]
    require(p["deliveryWithResourceIdentity"].get("identity", {}).get("type") == "SystemAssigned",
            "delivery must authenticate with the topic's system-assigned identity")
    require("destination" not in p, "the subscription must not also name a destination delivered without an identity")
    require(p.get("eventDeliverySchema") == "EventGridSchema", "events must be delivered in the Event Grid schema the queue function reads")
    f = p.get("filter", {})
    require(f.get("includedEventTypes") == ["Microsoft.Storage.BlobCreated"], f"the subscription must take BlobCreated events only, not {f.get('includedEventTypes')}")
    prefix = f"/blobServices/default/containers/{UPLOADS_CONTAINER}/"
    require(f.get("subjectBeginsWith") == prefix, f"the subject filter must be {prefix!r}, not {f.get('subjectBeginsWith')!r}")
    require(not f.get("advancedFilters"), "no advanced filter may narrow the uploads further")
    dead = p.get("deadLetterWithResourceIdentity", {})
    dead_to = dead.get("deadLetterDestination", {})
    require(dead.get("identity", {}).get("type") == "SystemAssigned" and dead_to.get("endpointType") == "StorageBlob"
            and dead_to.get("properties", {}).get("resourceId") == data_id
            and dead_to.get("properties", {}).get("blobContainerName") == UPLOAD_DEAD_LETTERS,
            f"undeliverable events must be dead-lettered, with the identity, to the {UPLOAD_DEAD_LETTERS} container")
    granted = {(role, scope) for principal, role, scope in d.role_assignments() if d.reads_topic_identity(principal)}
    missing = d.upload_topic_roles() - granted
    require(not missing, "the topic's identity lacks " + ", ".join(f"{ROLE_NAME[r]} on {s.rsplit('/', 1)[-1]}" for r, s in sorted(missing)))
    require(granted == d.upload_topic_roles(), "the topic's identity holds roles beyond the queue sender and dead-letter writer")
    return f"{prefix} -> {UPLOAD_EVENTS_QUEUE}"


@check("flex-consumption-plan")
def flex_plan(d):
    plan = d.one("Microsoft.Web/serverfarms")
    require(plan["sku"].get("name") == "FC1" and plan["sku"].get("tier") == "FlexConsumption", f"plan sku is {plan['sku']}")
    require(plan["properties"].get("reserved") is True, "the plan must be Linux (reserved)")
    app = d.app
    require("functionapp" in app["kind"] and "linux" in app["kind"], f"app kind is {app['kind']}")
    require(app["properties"]["serverFarmId"] == plan["id"], "the app is not on the Flex Consumption plan")
    config = app["properties"].get("functionAppConfig", {})
    runtime = config.get("runtime", {})
    require(runtime == {"name": "dotnet-isolated", "version": "10.0"}, f"runtime is {runtime}")
    storage = config.get("deployment", {}).get("storage", {})
    require(storage.get("type") == "blobContainer", "deployment storage must be a blob container")
    auth = storage.get("authentication", {})
    require(auth.get("type") == "UserAssignedIdentity" and auth.get("userAssignedIdentityResourceId") == d.identity["id"],
            "the deployment container must be reached with the app's identity")
    require(f"reference('{d.host_account['id']}'" in storage.get("value", ""), "the deployment container must be in the host storage account")


@check("app-identity-only-user-assigned")
def app_identity(d):
    identity = d.app.get("identity", {})
    require(identity.get("type") == "UserAssigned", f"app identity type is {identity.get('type')}")
    require(list(identity.get("userAssignedIdentities", {})) == [d.identity["id"]], "the app must run as exactly the one user-assigned identity")
    require(d.app["properties"].get("keyVaultReferenceIdentity") == d.identity["id"], "Key Vault references must resolve with the user-assigned identity")


@check("no-keys-or-connection-strings")
def no_secrets(d):
    for text, where in ((d.template_text, "template"), (d.snapshot_text, "deployment")):
        for function in KEY_FUNCTIONS:
            require(function not in text, f"the {where} calls {function.rstrip('(')}")
    for name, value in d.settings.items():
        require(name not in FORBIDDEN_SETTINGS, f"setting {name} must not be set")
        for marker in SECRET_MARKERS:
            require(marker not in str(value), f"setting {name} holds a secret ({marker})")
    for output in json.loads(d.template_text).get("outputs", {}).values():
        require(output.get("type", "").lower() not in ("securestring", "secureobject"), "the template outputs a secret")


@check("settings-identity-based")
def settings_identity_based(d):
    s = d.settings
    for connection, account in (("AzureWebJobsStorage", d.host_account), ("Storage", d.data_account)):
        for service in ("blob", "queue", "table"):
            value = s.get(f"{connection}__{service}ServiceUri", "")
            require(f"reference('{account['id']}'" in value and value.endswith(f".primaryEndpoints.{service}]"),
                    f"{connection}__{service}ServiceUri must be the {service} endpoint of {account['name']}")
        require(s.get(f"{connection}__credential") == "managedidentity", f"{connection}__credential must be managedidentity")
        require(d.reads_identity(s.get(f"{connection}__clientId"), "clientId"), f"{connection}__clientId must be the identity's client ID")
    require(d.data_account["id"] != d.host_account["id"], "the host and the data must use separate accounts")
    auth = s.get("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "")
    require("Authorization=AAD;ClientId=" in auth and f"reference('{d.identity['id']}'" in auth,
            "APPLICATIONINSIGHTS_AUTHENTICATION_STRING must name the identity")
    require(s.get("APPLICATIONINSIGHTS_CONNECTION_STRING"), "APPLICATIONINSIGHTS_CONNECTION_STRING is missing")
    vault = d.one("Microsoft.KeyVault/vaults")
    admin_key = s.get("Observatory__AdminKey", "")
    require(admin_key.startswith(f"@Microsoft.KeyVault(VaultName={vault['name']};SecretName="),
            "Observatory__AdminKey must be a Key Vault reference to the template's vault")


@check("settings-pipeline-values")
def settings_values(d):
    s = d.settings
    schedule = s.get("Observatory__SnapshotSchedule", "")
    fields = schedule.split()
    require(len(fields) == 6 and all(NCRONTAB_FIELD.match(f) for f in fields),
            f"Observatory__SnapshotSchedule {schedule!r} is not a six-field NCRONTAB expression")
    require(schedule == d.parameters.get("snapshotSchedule", "0 0 6 1 3 *"), "the schedule setting does not follow the parameter")
    threshold = s.get("Observatory__SuppressionThreshold", "")
    require(threshold.isdigit() and int(threshold) >= 2, f"Observatory__SuppressionThreshold {threshold!r} must be a whole number of at least 2")
    require(s.get("Observatory__MaxUploadBytes", "").isdigit(), "Observatory__MaxUploadBytes must be a whole number")
    backup = s.get("Observatory__BackupSchedule", "")
    fields = backup.split()
    require(len(fields) == 6 and all(NCRONTAB_FIELD.match(f) for f in fields),
            f"Observatory__BackupSchedule {backup!r} is not a six-field NCRONTAB expression")
    require(backup == d.parameters.get("backupSchedule", "0 30 2 * * *"), "the backup schedule setting does not follow the parameter")


@check("platform-auth-consistent")
def platform_auth(d):
    auth = next((r for r in d.of_type("Microsoft.Web/sites/config") if r["name"].endswith("/authsettingsV2")), None)
    enabled = auth is not None and auth["properties"].get("platform", {}).get("enabled") is True
    trusted = d.settings.get("Observatory__TrustPlatformAuthentication")
    require(trusted == ("true" if enabled else "false"),
            f"Observatory__TrustPlatformAuthentication is {trusted!r} while App Service Authentication is {'on' if enabled else 'off'}")
    return "platform sign-in on" if enabled else "platform sign-in off"


@check("app-https-no-basic-auth")
def app_hardening(d):
    p = d.app["properties"]
    require(p.get("httpsOnly") is True, "httpsOnly must be true")
    site = p.get("siteConfig", {})
    require(site.get("minTlsVersion") == "1.2", "minTlsVersion must be 1.2")
    require(site.get("ftpsState") == "Disabled", "FTP must be disabled")
    policies = {r["name"].rsplit("/", 1)[-1]: r["properties"].get("allow")
                for r in d.of_type("Microsoft.Web/sites/basicPublishingCredentialsPolicies")}
    require(policies.get("ftp") is False and policies.get("scm") is False, f"basic publishing credentials must be off: {policies}")


@check("monitoring-local-auth-off")
def monitoring(d):
    workspace = d.one("Microsoft.OperationalInsights/workspaces")
    insights = d.one("Microsoft.Insights/components")
    require(workspace["properties"].get("features", {}).get("disableLocalAuth") is True, "workspace local auth must be disabled")
    require(insights["properties"].get("DisableLocalAuth") is True, "Application Insights local auth must be disabled")
    require(insights["properties"].get("WorkspaceResourceId") == workspace["id"], "Application Insights must use the workspace")


def enabled_log_rules(d):
    return [r for r in d.of_type("Microsoft.Insights/scheduledQueryRules") if r["properties"].get("enabled") is True]


def rule_queries(rule):
    return [c["query"] for c in rule["properties"]["criteria"]["allOf"]]


@check("alerts-poison-and-failures")
def alerts(d):
    rules = enabled_log_rules(d)
    queries = [q for r in rules for q in rule_queries(r)]
    poison = [r for r in rules if any("StorageQueueLogs" in q and '"-poison"' in q for q in rule_queries(r))]
    require(poison, "no enabled alert on poison queues")
    for rule in poison:
        require(rule["properties"].get("autoMitigate") is False,
                f"{rule['name']}: the poison alert must not resolve itself while messages may remain (autoMitigate false)")
    require(any("AppTraces" in q and "Submission" in q and "failed" in q for q in queries), "no enabled alert on failed submissions")
    topic_metrics = {c.get("metricName") for r in d.of_type("Microsoft.Insights/metricAlerts")
                     if r["properties"].get("enabled") is True and r["properties"].get("scopes") == [d.upload_topic["id"]]
                     for c in r["properties"]["criteria"]["allOf"]}
    for metric in ("DeadLetteredCount", "DroppedEventCount"):
        require(metric in topic_metrics, f"no enabled alert on the upload topic's {metric}")
    queue_service = f"{d.data_account['id']}/queueServices/default"
    settings = d.diagnostic_settings_of(queue_service)
    require(any(any(log.get("category") == "StorageWrite" and log.get("enabled") for log in r["properties"].get("logs", []))
                for r in settings), "the data account's queue writes are not logged, so the poison alert would see nothing")
    emails = d.parameters.get("alertEmailAddresses") or []
    if emails:
        require(all(r["properties"].get("actions", {}).get("actionGroups") for r in rules), "alert rules do not notify the action group")
        require(all(r["properties"].get("actions") for r in d.of_type("Microsoft.Insights/metricAlerts")),
                "metric alert rules do not notify the action group")
    return f"{len(emails)} recipient(s)"


@check("alerts-first-deployment")
def alerts_first_deployment(d):
    # The workspace is created by the same deployment, so its tables do not exist yet; a validated
    # query over a missing table makes Azure refuse the rule and the whole first deployment.
    rules = d.of_type("Microsoft.Insights/scheduledQueryRules")
    validated = [r["name"] for r in rules if r["properties"].get("skipQueryValidation") is not True]
    require(not validated, f"log alert rules that validate their query against tables that may not exist yet: {validated}")
    return f"{len(rules)} log rules"


@check("alerts-operations")
def alerts_operations(d):
    queries = [q for r in enabled_log_rules(d) for q in rule_queries(r)]
    def watched(description, predicate):
        require(any(predicate(q) for q in queries), f"no enabled alert on {description}")
    watched("the scheduled functions failing", lambda q: "AppRequests" in q and "Success == false" in q
            and all(f'"{name}"' in q for name in TIMER_FUNCTIONS))
    watched("HTTP 5xx answers", lambda q: "AppRequests" in q and "ResultCode" in q and "500" in q)
    watched("the host failing to start", lambda q: "Host.Startup" in q or "A host error has occurred during startup" in q)
    watched("the daily log cap", lambda q: "_LogOperation" in q and "OverQuota" in q)
    tests = [t for t in d.of_type("Microsoft.Insights/webtests") if t.get("kind") == "standard"
             and t["properties"].get("Enabled") is True]
    catalog = [t for t in tests if t["properties"].get("Request", {}).get("HttpVerb") == "GET"
               and re.match(r"^\[format\('https://\{0\}/api/catalog', reference\('" + re.escape(d.app["id"]) + r"'[^)]*\)\.defaultHostName\)\]$",
                            t["properties"]["Request"].get("RequestUrl", ""))]
    require(catalog, "no enabled standard availability test of GET https://<the app>/api/catalog")
    test = catalog[0]
    require(test["properties"].get("ValidationRules", {}).get("ExpectedHttpStatusCode") == 200, "the availability test must expect 200")
    require(len(test["properties"].get("Locations", [])) >= 3, "the availability test must run from at least three regions")
    insights = d.one("Microsoft.Insights/components")["id"]
    alerting = [a for a in d.of_type("Microsoft.Insights/metricAlerts") if a["properties"].get("enabled") is True
                and a["properties"]["criteria"].get("odata.type") == "Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria"
                and a["properties"]["criteria"].get("webTestId") == test["id"]
                and a["properties"]["criteria"].get("componentId") == insights]
    require(alerting, "no enabled availability alert on the catalog test")
    return f"{len(queries)} log queries, availability from {len(test['properties']['Locations'])} regions"


@check("budget-monthly")
def budget(d):
    budgets = d.of_type("Microsoft.Consumption/budgets")
    require(len(budgets) == 1, f"expected one budget, found {len(budgets)}")
    p = budgets[0]["properties"]
    require(p.get("timeGrain") == "Monthly" and p.get("category") == "Cost", "the budget must be a monthly cost budget")
    require(p.get("amount") == d.parameters.get("monthlyBudget", 50), "the budget's amount does not follow the monthlyBudget parameter")
    notifications = p.get("notifications", {}).values()
    require(any(n.get("enabled") and n.get("thresholdType") == "Actual" for n in notifications), "the budget has no notification on actual spending")
    require(all(n.get("contactEmails") or n.get("contactRoles") or n.get("contactGroups") for n in notifications),
            "a budget notification reaches nobody")
    return f"{p.get('amount')} a month"


@check("audit-logs")
def audit_logs(d):
    blob_service = f"{d.data_account['id']}/blobServices/default"
    categories = {log.get("category") for r in d.diagnostic_settings_of(blob_service)
                  if r["properties"].get("workspaceId") == d.reads_workspace()
                  for log in r["properties"].get("logs", []) if log.get("enabled")}
    for category in ("StorageRead", "StorageWrite", "StorageDelete"):
        require(category in categories, f"the data account's blob {category} logs do not go to the workspace")
    for container in AUDITED_CONTAINERS:
        require(d.child("Microsoft.Storage/storageAccounts/blobServices/containers", blob_service, container) is not None,
                f"the {container} container is not in the data account, whose blob reads and writes are logged")
    vault = d.one("Microsoft.KeyVault/vaults")
    vault_logs = [log for r in d.diagnostic_settings_of(vault["id"]) if r["properties"].get("workspaceId") == d.reads_workspace()
                  for log in r["properties"].get("logs", []) if log.get("enabled")]
    require(any(log.get("categoryGroup") in ("audit", "allLogs") or log.get("category") == "AuditEvent" for log in vault_logs),
            "Key Vault's audit events do not go to the workspace")
    return "blob reads of " + ", ".join(AUDITED_CONTAINERS) + "; Key Vault audit"


@check("operator-read-roles")
def operator_roles(d):
    operator = d.parameters.get("operatorGroupPrincipalId") or ""
    granted = {(role, scope) for principal, role, scope in d.role_assignments() if operator and principal == operator}
    if not operator:
        require(not d.production, "production needs an operator group")
        return "no operator group"
    require(granted == d.operator_roles(),
            "the operator group must hold exactly Storage Blob, Queue and Table Data Reader on both accounts and Log Analytics Reader on the workspace; "
            f"missing {sorted(ROLE_NAME.get(r, r) + ' on ' + s.rsplit('/', 1)[-1] for r, s in d.operator_roles() - granted)}, "
            f"extra {sorted(ROLE_NAME.get(r, r) + ' on ' + s.rsplit('/', 1)[-1] for r, s in granted - d.operator_roles())}")
    return f"{len(granted)} read roles"


@check("production-fails-closed")
def production_fails_closed(d):
    if not d.production:
        return "not production"
    missing = [name for name in ("alertEmailAddresses", "keyAdministratorPrincipalId", "operatorGroupPrincipalId")
               if not d.parameters.get(name)]
    require(not missing, f"a production parameter set without {', '.join(missing)}")
    template = json.loads(d.template_text)
    guard = json.dumps(template.get("variables", {}))
    require("fail(" in guard and all(name in guard for name in ("alertEmailAddresses", "keyAdministratorPrincipalId", "operatorGroupPrincipalId")),
            "main.bicep must itself fail a production deployment without recipients, a key administrator and an operator group")
    locks = [r for r in d.of_type("Microsoft.Authorization/locks") if d.data_account["id"] in r["id"]]
    require(any(r["properties"].get("level") == "CanNotDelete" for r in locks), "production must lock the data account against deletion")
    require(d.one("Microsoft.KeyVault/vaults")["properties"].get("enablePurgeProtection") is True, "production must have Key Vault purge protection")
    return f"{len(d.parameters['alertEmailAddresses'])} recipient(s), key administrator, operator group"


@check("backups-write-once")
def backups(d):
    blob_service = f"{d.data_account['id']}/blobServices/default"
    container = d.child("Microsoft.Storage/storageAccounts/blobServices/containers", blob_service, BACKUPS_CONTAINER)
    require(container is not None, "no backups container in the data account")
    require(container["properties"].get("immutableStorageWithVersioning", {}).get("enabled") is True,
            "backups: version-level immutability must be enabled")
    blob = d.child("Microsoft.Storage/storageAccounts/blobServices", d.data_account["id"], "default")
    require(blob["properties"].get("isVersioningEnabled") is True, "backups: the account must version blobs")
    policy = d.child("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies", container["id"], "default")
    retention = d.parameters.get("backupRetentionDays", 35)
    require(policy is not None and policy["properties"].get("immutabilityPeriodSinceCreationInDays") == retention,
            f"backups: the immutability policy must last the retention, {retention} days")
    require(d.settings.get("Observatory__BackupRetentionDays") == str(retention),
            "Observatory__BackupRetentionDays does not follow the backupRetentionDays parameter")
    rules = [rule for p in d.of_type("Microsoft.Storage/storageAccounts/managementPolicies") if p["id"].startswith(d.data_account["id"] + "/")
             for rule in p["properties"]["policy"]["rules"]
             if f"{BACKUPS_CONTAINER}/" in rule["definition"]["filters"].get("prefixMatch", [])
             and rule["definition"]["actions"].get("version", {}).get("delete")]
    require(rules, "no lifecycle rule removes the previous versions of deleted backups")
    return f"{retention} days"


@check("infrastructure-encryption")
def infrastructure_encryption(d):
    for account in (d.data_account, d.host_account):
        require(account["properties"].get("encryption", {}).get("requireInfrastructureEncryption") is True,
                f"{account['name']}: infrastructure (double) encryption is the documented decision")


@check("environment-name-free")
def environment_name_free(d):
    definition = json.loads(d.template_text)["parameters"]["environmentName"]
    require("allowedValues" not in definition, f"environmentName must take any name (azd's environment names), not only {definition.get('allowedValues')}")
    require("production" in json.loads(d.template_text)["parameters"], "main.bicep must keep production's safeguards behind a production parameter")
    return d.parameters.get("environmentName")


@check("azd-service-tag")
def azd_service_tag(d):
    require(d.app.get("tags", {}).get("azd-service-name") == "api",
            "the Function App must carry the tag azd-service-name=api, which azure.yaml's service deploys to")


@check("key-vault-rbac")
def key_vault(d):
    p = d.one("Microsoft.KeyVault/vaults")["properties"]
    require(p.get("enableRbacAuthorization") is True, "the vault must use Azure RBAC")
    require(not p.get("accessPolicies"), "the vault must have no access policies")
    require(p.get("enableSoftDelete") is True, "soft delete must be on")
    if d.production:
        require(p.get("enablePurgeProtection") is True, "purge protection must be on in production")


@check("prod-data-delete-lock")
def delete_lock(d):
    if not d.production:
        return "not required outside production"
    locks = [r for r in d.of_type("Microsoft.Authorization/locks") if d.data_account["id"] in r["id"]]
    require(any(r["properties"].get("level") == "CanNotDelete" for r in locks), "the prod data account must be locked against deletion")


@check("api-versions-consistent")
def api_versions(d):
    by_type = {}
    for r in d.resources:
        by_type.setdefault(r["type"], set()).add(r["apiVersion"])
    mixed = {t: sorted(v) for t, v in by_type.items() if len(v) > 1}
    require(not mixed, f"one resource type, several API versions: {mixed}")
    for namespace, minimum in MINIMUM_API.items():
        versions = {v for t, vs in by_type.items() if t.startswith(namespace + "/") for v in vs}
        require(len(versions) == 1, f"{namespace} resources use several API versions: {sorted(versions)}")
        require(all(v >= minimum for v in versions), f"{namespace} API older than {minimum}: {sorted(versions)}")


def main(argv):
    if len(argv) not in (5, 6):
        print(__doc__, file=sys.stderr)
        return 2
    env = argv[1]
    label = argv[5] if len(argv) == 6 else env
    loaded = []
    for path in argv[2:5]:
        with open(path, encoding="utf-8") as f:
            loaded.append(json.load(f))
    deployment = Deployment(env, *loaded)
    failed = 0
    for name, function in CHECKS:
        try:
            note = function(deployment)
            print(f"PASS {name} ({label})" + (f": {note}" if note else ""))
        except (AssertionError, KeyError, StopIteration, TypeError) as error:
            failed += 1
            print(f"FAIL {name} ({label}): {error or type(error).__name__}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
