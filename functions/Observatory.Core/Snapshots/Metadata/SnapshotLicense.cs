namespace Observatory.Core.Snapshots.Metadata;

/// <summary>The licence the open data is published under.</summary>
internal static class SnapshotLicense
{
    public const string Id = "CC-BY-4.0";
    public const string Title = "Creative Commons Attribution 4.0 International";
    public const string Url = "https://creativecommons.org/licenses/by/4.0/";
}
