namespace Observatory.Core.Snapshots.Metadata;

/// <summary>What datapackage.json says the package is: the annual snapshot of a year, or the time series.</summary>
/// <param name="Name">The package name (lower case, no spaces).</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Source">The title of its one source.</param>
internal sealed record PackageHeader(string Name, string Title, string Description, string Source)
{
    /// <summary>The header of the annual snapshot of the request's year.</summary>
    public static PackageHeader Annual(SnapshotRequest request)
    {
        var year = PublishedFormat.Year(request.Year);
        return new($"observatory-indicators-{year}", $"{request.Title}, {year}",
            $"The annual indicators on trafficking and sexual exploitation of children that the member states reported for {year}, " +
            $"as accepted by {request.Publisher}, with derived rates. Small counts of child victims are withheld (see README.md). Catalog version {request.Catalog.Version}.",
            $"Annual indicator returns of the national focal points of the member states, reporting year {year}");
    }
}
