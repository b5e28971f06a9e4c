using Observatory.Core.Domain;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Core.Observations;

/// <summary>
/// Writes an accepted submission's version and makes it current, so that the current data of a state and year is
/// always what applying its accepted submissions in received order gives: a replacement puts its cells in place of
/// all, an amendment puts its cells in place of the same cells. Submissions finish in any order and several
/// processes promote at once, so:
/// <list type="bullet">
/// <item>the pointer moves only by compare-and-swap; a promotion that lost the race reads the new current version
/// and merges again (nothing applied by the winner is lost);</item>
/// <item>a submission received before others already applied is merged under them: the later amendments' own cells
/// are applied again on top, and a later replacement makes it part of history only.</item>
/// </list>
/// The version a submission makes current is compared with the one it replaced, so each diff says what that
/// submission changed in the current data.
/// </summary>
public sealed class VersionPromoter
{
    /// <summary>How many times a promotion reads and merges again after losing the switch to another writer.</summary>
    public const int MaxAttempts = 30;

    private readonly IObservationStore _store;
    private readonly TimeProvider _clock;

    /// <summary>Creates the promoter over the observation store.</summary>
    public VersionPromoter(IObservationStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>
    /// Stores <paramref name="cells"/> (the submission's own validated observations) as the submission's version
    /// and makes it current in its place in received order. Idempotent: a promotion repeated after it succeeded
    /// changes nothing and reports what it replaced the first time.
    /// </summary>
    /// <param name="submission">The accepted submission.</param>
    /// <param name="cells">Its observations as validated.</param>
    /// <param name="mayHaveWrittenBefore">True when an earlier attempt may have written a version for it (a redelivered message):
    /// the rows it left are removed before the version is written again.</param>
    /// <param name="cancellationToken">Cancels the promotion.</param>
    /// <exception cref="InvalidOperationException">Other writers won the switch <see cref="MaxAttempts"/> times in a row.</exception>
    public async Task<Promotion> PromoteAsync(Submission submission, IReadOnlyList<Observation> cells, bool mayHaveWrittenBefore, CancellationToken cancellationToken)
    {
        var (country, year) = (submission.Country, submission.Year);
        var dirty = mayHaveWrittenBefore;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var pointer = await _store.ReadPointerAsync(country, year, cancellationToken);
            if (pointer?.Find(submission.Id) is { } applied)
                return new Promotion(true, applied.AppliedOnto);

            var entry = new AppliedSubmission(submission.Id, submission.ReceivedAt, submission.Mode, pointer?.CurrentVersion);
            var later = pointer?.Applied.Where(a => a.IsAfter(entry)).ToList() ?? [];
            if (later.Any(a => a.Mode == SubmissionMode.Replace))
            {
                // A replacement received later is already current: this submission's cells are history only.
                await WriteAsync(submission, cells, cells, dirty, cancellationToken);
                return new Promotion(false, null);
            }

            var data = await MergeAsync(submission, cells, pointer, later, cancellationToken);
            await WriteAsync(submission, data, cells, dirty, cancellationToken);
            dirty = true;

            var next = new CurrentPointer(submission.Id, _clock.GetUtcNow(), Applied(pointer, entry, later), null);
            if (await _store.TrySwitchPointerAsync(country, year, pointer, next, cancellationToken))
                return new Promotion(true, pointer?.CurrentVersion);
            // Another submission became current meanwhile: read it and merge onto it, after a short, jittered pause.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + attempt * 10)), _clock, cancellationToken);
        }
        throw new InvalidOperationException($"Submission {submission.Id} could not become current: other submissions of {country} {year} kept switching first.");
    }

    private async Task<IReadOnlyList<Observation>> MergeAsync(Submission submission, IReadOnlyList<Observation> cells,
        CurrentPointer? pointer, IReadOnlyList<AppliedSubmission> later, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, Observation>(StringComparer.Ordinal);
        if (submission.Mode == SubmissionMode.Amend && pointer is not null)
            Put(merged, await _store.ReadVersionAsync(submission.Country, submission.Year, pointer.CurrentVersion, cancellationToken) ?? []);
        Put(merged, cells);
        // Amendments received after this one but applied before it keep their word on the cells they set.
        foreach (var amendment in later)
            Put(merged, await _store.ReadAmendedCellsAsync(submission.Country, submission.Year, amendment.SubmissionId, cancellationToken));
        return [.. merged.Values.OrderBy(o => o.Key, StringComparer.Ordinal)];
    }

    private async Task WriteAsync(Submission submission, IReadOnlyList<Observation> data, IReadOnlyList<Observation> cells, bool dirty, CancellationToken cancellationToken)
    {
        // A version written by an attempt that lost the switch may hold cells of a base that is no longer current.
        if (dirty) await _store.DeleteVersionAsync(submission.Country, submission.Year, submission.Id, cancellationToken);
        var amendedKeys = submission.Mode == SubmissionMode.Amend ? cells.Select(c => c.Key).ToHashSet(StringComparer.Ordinal) : null;
        await _store.WriteVersionAsync(submission.Country, submission.Year, submission.Id, data, amendedKeys, cancellationToken);
    }

    private static IReadOnlyList<AppliedSubmission> Applied(CurrentPointer? pointer, AppliedSubmission entry, IReadOnlyList<AppliedSubmission> later)
    {
        // A replacement starts the list again: what came before it no longer shapes the data.
        if (entry.Mode == SubmissionMode.Replace || pointer is null) return [entry, .. later];
        return [.. pointer.Applied.Where(a => !a.IsAfter(entry)), entry, .. later];
    }

    private static void Put(Dictionary<string, Observation> merged, IEnumerable<Observation> cells)
    {
        foreach (var cell in cells) merged[cell.Key] = cell;
    }
}
