using Observatory.Core.Domain;

namespace Observatory.Core.Observations;

/// <summary>One cell that differs between two versions of a state-year's data.</summary>
/// <param name="Change">added, removed or changed.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Dimensions">The cell's dimension codes.</param>
/// <param name="OldValue">The value in the older version; null when added.</param>
/// <param name="NewValue">The value in the newer version; null when removed.</param>
/// <param name="OldNote">The note in the older version.</param>
/// <param name="NewNote">The note in the newer version.</param>
public sealed record CellChange(string Change, string Indicator, IReadOnlyList<KeyValuePair<string, string>> Dimensions,
    ObservationValue? OldValue, ObservationValue? NewValue, string? OldNote, string? NewNote);

/// <summary>Compares two versions of a state-year's data cell by cell.</summary>
public static class ObservationDiff
{
    /// <summary>The added, removed and changed cells (value, note or flag), ordered by cell key.</summary>
    public static IReadOnlyList<CellChange> Compare(IEnumerable<Observation> older, IEnumerable<Observation> newer)
    {
        var before = older.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var after = newer.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var changes = new List<CellChange>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(key, out var old);
            after.TryGetValue(key, out var now);
            var cell = now ?? old!;
            if (old is null) changes.Add(new CellChange("added", cell.Indicator, cell.Dimensions, null, now!.Value, null, now.Note));
            else if (now is null) changes.Add(new CellChange("removed", cell.Indicator, cell.Dimensions, old.Value, null, old.Note, null));
            else if (old.Value != now.Value || old.Note != now.Note || old.Flag != now.Flag)
                changes.Add(new CellChange("changed", cell.Indicator, cell.Dimensions, old.Value, now.Value, old.Note, now.Note));
        }
        return changes;
    }
}
