using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;
using Observatory.Core.Submissions;

namespace Observatory.Core.Observations;

/// <summary>Where one state stands for a reporting year, for staff.</summary>
/// <param name="Country">ISO3 code.</param>
/// <param name="Name">The state's name in English.</param>
/// <param name="Participating">True when the state takes part in the year.</param>
/// <param name="Reported">True when it has accepted data for the year.</param>
/// <param name="LastSubmission">Its most recent submission for the year, whatever its status.</param>
/// <param name="LastStatus">That submission's status.</param>
/// <param name="LastReceivedAt">When that submission arrived.</param>
/// <param name="AcceptedSubmission">The submission whose data is current.</param>
/// <param name="AcceptedAt">When that data became current.</param>
/// <param name="Indicators">The indicators the current data reports, in catalog order.</param>
public sealed record StateCoverage(
    string Country,
    string Name,
    bool Participating,
    bool Reported,
    string? LastSubmission,
    string? LastStatus,
    DateTimeOffset? LastReceivedAt,
    string? AcceptedSubmission,
    DateTimeOffset? AcceptedAt,
    IReadOnlyList<string> Indicators);

/// <summary>Who has reported for a year: every member state with its last submission and its current data.</summary>
public sealed class CoverageQuery
{
    private readonly ISubmissionStore _submissions;
    private readonly IObservationStore _observations;
    private readonly ReferenceDataSet _referenceData;
    private readonly ReportingPolicy _policy;

    /// <summary>Creates the query; whether a state takes part in the year is the policy's answer.</summary>
    public CoverageQuery(ISubmissionStore submissions, IObservationStore observations, ReferenceDataSet referenceData, ReportingPolicy policy)
    {
        _policy = policy;
        _submissions = submissions;
        _observations = observations;
        _referenceData = referenceData;
    }

    /// <summary>The coverage of <paramref name="year"/>, states in ISO3 order, read in parallel.</summary>
    public async Task<IReadOnlyList<StateCoverage>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var order = _referenceData.Catalog.Indicators.Select((indicator, index) => (indicator.Code, index)).ToDictionary(p => p.Code, p => p.index);
        var states = _referenceData.States.All.OrderBy(s => s.Iso3, StringComparer.Ordinal).ToList();
        return await Task.WhenAll(states.Select(async state =>
        {
            var submissions = await _submissions.ListAsync(state.Iso3, year, cancellationToken);
            var current = await _observations.ReadCurrentAsync(state.Iso3, year, null, cancellationToken);
            var last = submissions.FirstOrDefault();
            var indicators = current?.Observations.Select(o => o.Indicator).Distinct().OrderBy(code => order.GetValueOrDefault(code, int.MaxValue)).ToList() ?? [];
            return new StateCoverage(state.Iso3, state.Names.En, _policy.TakesPart(state, year), current is not null,
                last?.Id, last?.Status.ToApiName(), last?.ReceivedAt, current?.SubmissionId, current?.AcceptedAt, indicators);
        }));
    }
}
