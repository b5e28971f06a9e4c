using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Templates;

/// <summary>Makes a state's template for a year, with its accepted values of the year before beside the rows.</summary>
public sealed class ReturnTemplateService
{
    private readonly IObservationStore _observations;
    private readonly ReturnTemplateBuilder _builder;

    /// <summary>Creates the service.</summary>
    /// <param name="observations">Where last year's accepted values are read.</param>
    /// <param name="builder">Writes the workbook.</param>
    public ReturnTemplateService(IObservationStore observations, ReturnTemplateBuilder builder)
    {
        _observations = observations;
        _builder = builder;
    }

    /// <summary>The xlsx template of <paramref name="state"/> for <paramref name="year"/>, in <paramref name="language"/>.</summary>
    /// <remarks>Last year's values are the state's own unpublished data: only its focal point or staff may be given the result.</remarks>
    public async Task<byte[]> CreateAsync(MemberState state, int year, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var lastYear = await _observations.ReadCurrentAsync(state.Iso3, year - 1, null, cancellationToken);
        return _builder.Build(state, year, language, lastYear?.Observations ?? []);
    }
}
