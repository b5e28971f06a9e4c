namespace Observatory.Core;

/// <summary>The pipeline's settings, bound from the configuration section "Observatory" (environment: Observatory__Name).</summary>
public sealed class ObservatoryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Observatory";

    /// <summary>The staff key; admin access by key is off while it is empty. Comes from Key Vault in Azure.</summary>
    public string? AdminKey { get; set; }

    /// <summary>The largest upload accepted through the HTTP function, in bytes (default 25 MB).</summary>
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Protected counts from 1 to one less than this are suppressed in published outputs (default 5).</summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>The NCRONTAB schedule of the annual snapshot (default 06:00 UTC on 1 March).</summary>
    public string SnapshotSchedule { get; set; } = "0 0 6 1 3 *";

    /// <summary>
    /// True only where the platform's authentication (App Service Authentication) fronts the app, so that the
    /// X-MS-CLIENT-PRINCIPAL header can only have been set by the platform. Off by default: elsewhere anyone could forge it.
    /// </summary>
    public bool TrustPlatformAuthentication { get; set; }

    /// <summary>The default <see cref="PublisherName"/>.</summary>
    public const string DefaultPublisherName = "Inter-American Children's Institute (IIN-OAS)";

    /// <summary>The default <see cref="PublisherAddress"/>: the Institute's seat in Montevideo.</summary>
    public const string DefaultPublisherAddress = "Av. 8 de Octubre 2904, 11600 Montevideo, Uruguay";

    /// <summary>Who publishes the open data, as the citation, datapackage.json and datacite.json name it (Observatory__PublisherName).</summary>
    public string PublisherName { get; set; } = DefaultPublisherName;

    /// <summary>The publisher's postal address, in the citation metadata (Observatory__PublisherAddress).</summary>
    public string PublisherAddress { get; set; } = DefaultPublisherAddress;
}
