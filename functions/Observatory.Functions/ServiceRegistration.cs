using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Observatory.Core;
using Observatory.Core.Backups;
using Observatory.Core.Audit;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Core.Notifications;
using Observatory.Core.Observations;
using Observatory.Core.Reporting;
using Observatory.Core.Reports;
using Observatory.Core.Security;
using Observatory.Core.Snapshots;
using Observatory.Core.Submissions;
using Observatory.Core.Templates;
using Observatory.Core.Validation;
using Observatory.Functions.Http;
using Observatory.Mail;
using Observatory.Storage;

namespace Observatory.Functions;

/// <summary>The services the function classes depend on, registered the same way by the Function App and the local host.</summary>
public static class ServiceRegistration
{
    /// <summary>Registers the observatory's services; storage comes from the connection named "Storage".</summary>
    public static IServiceCollection AddObservatory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservatoryOptions>().Bind(configuration.GetSection(ObservatoryOptions.SectionName))
            // An admin key that is set but unusable stops the host at start, rather than leaving staff locked out in silence.
            .Validate(options => AdminKeySetting.IsAcceptable(options.AdminKey), AdminKeySetting.Unusable)
            .Validate(o => o.SuppressionThreshold >= SnapshotRequest.MinimumSuppressionThreshold,
                $"Observatory:SuppressionThreshold must be at least {SnapshotRequest.MinimumSuppressionThreshold}: below that a withheld count would be known to be 1.")
            .Validate(o => { try { o.Notifications.ReminderDayList(); _ = new ReportingCalendar(o.Notifications); return true; } catch (Exception e) when (e is FormatException or ArgumentException) { return false; } },
                "Observatory:Notifications: ReminderDays must be positive whole numbers and DeadlineMonth/DeadlineDay a day every year has.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ObservatoryOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);

        // Reference data and validation: loaded once per process.
        services.AddSingleton(_ => ReferenceDataSet.Default);
        services.AddSingleton(sp => sp.GetRequiredService<ObservatoryOptions>().Limits);
        services.AddSingleton<ReturnValidator>();
        // Who reports what, for every route and use case: the states of the registry, the years of the clock.
        services.AddSingleton(sp => new ReportingPolicy(sp.GetRequiredService<ReferenceDataSet>().States, sp.GetRequiredService<TimeProvider>()));

        // Storage clients, from a connection string (Azurite) or an identity-based connection (Azure).
        var connection = StorageConnection.FromConfiguration(configuration);
        services.AddSingleton(_ => connection.CreateTableServiceClient(StorageClientOptions.Tables()));
        services.AddSingleton(_ => connection.CreateBlobServiceClient(StorageClientOptions.Blobs()));
        services.AddSingleton(_ => connection.CreateQueueServiceClient(StorageClientOptions.Queues()));
        services.AddSingleton<StorageProvisioner>();
        services.AddHostedService<StorageProvisioning>();

        services.AddSingleton<ISubmissionStore, TableSubmissionStore>();
        services.AddSingleton<IObservationStore, TableObservationStore>();
        services.AddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.AddSingleton<IRawFileStore, BlobRawFileStore>();
        services.AddSingleton<IReportStore, BlobReportStore>();
        services.AddSingleton<IDisclosureReportStore, BlobDisclosureReportStore>();
        services.AddSingleton<IWorkQueue, QueueWorkQueue>();
        services.AddSingleton<ISnapshotStore, SnapshotStore>();
        services.AddSingleton<ISeriesStore, SeriesStore>();
        services.AddSingleton<IExclusiveLease, TableExclusiveLease>();
        services.AddSingleton<IStateYearLocks, TableStateYearLocks>();
        services.AddSingleton<IDirectUploadStore, DirectUploadStore>();
        services.AddSingleton<ITableContents, TableContents>();
        services.AddSingleton<IBackupArchive, BlobBackupArchive>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IContactStore, TableContactStore>();
        services.AddSingleton<INotificationLedger, TableNotificationLedger>();
        services.AddSingleton<INotificationQueue, QueueNotificationQueue>();

        // Mail: SMTP (Azure Communication Services in Azure, maildev locally); the settings in "Observatory:Smtp".
        services.AddSingleton(configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton<IMailSender, SmtpMailSender>();

        // Use cases.
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<CallerAuthentication>();
        services.AddSingleton<SubmissionAccess>();
        services.AddSingleton<SubmissionRequeue>();
        services.AddSingleton<UploadTermsReader>();
        services.AddSingleton<SubmissionIntake>();
        services.AddSingleton<ReturnValidation>();
        services.AddSingleton<DryRun>();
        services.AddSingleton<StaleSubmissionSweep>();
        services.AddSingleton<VersionPromoter>();
        services.AddSingleton<SubmissionProcessor>();
        services.AddSingleton<SubmissionAdministration>();
        services.AddSingleton<DirectUploads>();
        services.AddSingleton<CoverageQuery>();
        services.AddSingleton<SnapshotPublisher>();
        services.AddSingleton<Observatory.Core.Snapshots.Series.SeriesPublisher>();
        services.AddSingleton<ReturnTemplateBuilder>();
        services.AddSingleton<ReturnTemplateService>();
        services.AddSingleton<SubmissionReportRenderer>();
        services.AddSingleton<TableBackup>();
        services.AddSingleton(sp => sp.GetRequiredService<ObservatoryOptions>().Notifications);
        services.AddSingleton<ReportingCalendar>();
        services.AddSingleton<MailComposer>(sp => new MailComposer(sp.GetRequiredService<NotificationOptions>()));
        services.AddSingleton<ContactRegistry>();
        services.AddSingleton<VerdictAnnouncer>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationSchedule>();

        // The web portal's files, read from the assembly once.
        services.AddSingleton<Portal.PortalAssets>();
        return services;
    }

    /// <summary>Creates missing tables, containers and queues before the first function runs.</summary>
    private sealed class StorageProvisioning(StorageProvisioner provisioner) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => provisioner.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
