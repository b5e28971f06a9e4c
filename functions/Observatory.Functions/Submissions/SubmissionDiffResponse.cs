using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.Submissions;

namespace Observatory.Functions.Submissions;

/// <summary>The body of GET /api/submissions/{id}/diff: the counts of added, removed and changed cells, and each change.</summary>
public static class SubmissionDiffResponse
{
    /// <summary>The answer for <paramref name="submission"/>, whose data changed by <paramref name="changes"/>.</summary>
    public static object Of(Submission submission, IReadOnlyList<CellChange> changes) => new
    {
        id = submission.Id,
        replaces = submission.Replaces,
        mode = submission.Mode,
        added = changes.Count(c => c.Change == "added"),
        removed = changes.Count(c => c.Change == "removed"),
        changed = changes.Count(c => c.Change == "changed"),
        changes = changes.Select(c => new
        {
            change = c.Change,
            indicator = c.Indicator,
            dimensions = c.Dimensions.ToDictionary(d => d.Key, d => d.Value),
            oldValue = ValueOf(c.OldValue),
            newValue = ValueOf(c.NewValue),
            oldNote = c.OldNote,
            newNote = c.NewNote,
        }),
    };

    private static object? ValueOf(ObservationValue? value) =>
        value is not { } v ? null : v.Number is { } n ? n : v.Code;
}
