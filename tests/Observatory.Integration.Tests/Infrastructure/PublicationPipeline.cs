using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>
/// A pipeline over an Azurite of its own, shared by the tests of publication (snapshots, disclosure across versions,
/// the series across years). What they publish is global (the series spans every published year, a compile reads
/// every state), so on an account of their own they read only each other's publications, and they run beside the
/// shared collection instead of inside it.
/// </summary>
public sealed class PublicationPipeline : IAsyncLifetime
{
    private readonly OwnAzurite _azurite = new();
    private PipelineHarness? _pipeline;

    /// <summary>The pipeline, over this fixture's Azurite.</summary>
    public PipelineHarness Pipeline => _pipeline ?? throw new InvalidOperationException("The publication pipeline is not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _pipeline = PipelineHarness.Over(_azurite.ConnectionString);
        await _pipeline.InitializeAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_pipeline is not null) await _pipeline.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>The tests of publication share one pipeline on an Azurite of its own and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PublicationCollection : ICollectionFixture<PublicationPipeline>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "publication";
}
