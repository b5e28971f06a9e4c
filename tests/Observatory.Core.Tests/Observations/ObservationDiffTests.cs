using Observatory.Core.Domain;
using Observatory.Core.Observations;

namespace Observatory.Core.Tests.Observations;

public class ObservationDiffTests
{
    private static Observation Cell(string sex, long value, string? note = null) =>
        new("MEX", 2025, "CT_PERS_PROS", [KeyValuePair.Create("SEX", sex)], ObservationValue.Of(value), note, null);

    [Fact]
    public void Reports_added_removed_and_changed_cells_with_old_and_new_values()
    {
        var older = new[] { Cell("_T", 10), Cell("F", 4), Cell("M", 6) };
        var newer = new[] { Cell("_T", 12), Cell("F", 4, "revised"), Cell("_U", 2) };

        var changes = ObservationDiff.Compare(older, newer);

        Assert.Equal(
            ["changed CT_PERS_PROS|SEX=F 4→4", "removed CT_PERS_PROS|SEX=M 6→", "changed CT_PERS_PROS|SEX=_T 10→12", "added CT_PERS_PROS|SEX=_U →2"],
            changes.Select(c => $"{c.Change} {ObservationKey.Of(c.Indicator, c.Dimensions)} {c.OldValue}→{c.NewValue}"));
        Assert.Equal("revised", changes[0].NewNote);
    }

    [Fact]
    public void Identical_versions_have_no_changes() =>
        Assert.Empty(ObservationDiff.Compare([Cell("_T", 10)], [Cell("_T", 10)]));
}
