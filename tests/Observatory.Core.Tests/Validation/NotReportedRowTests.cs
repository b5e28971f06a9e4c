using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

/// <summary>Rows that name a cell but have no value, as a template pre-fills them, are not reported rather than wrong.</summary>
public class NotReportedRowTests
{
    private static Sheet Template() => new("indicator", "SEX", "previous", "value", "flag", "note");

    [Fact]
    public void A_file_whose_rows_all_lack_a_value_gets_only_the_no_data_error()
    {
        var sheet = Template()
            .Row("CT_PERS_PROS", null, 14, null, null, null)
            .Row("CT_PERS_PROS", "Femenino", null, null, null, null)
            .Row("CT_PERS_PROS", "Masculino", null, null, null, null)
            .Row("LEG_PALERMO", null, "Ratificado", "", null, null);

        var outcome = Validate(sheet);

        ProblemAssert.Is(Assert.Single(outcome.Errors), ProblemTypes.RowConstraint, Severity.Error, null, null, null, null,
            ValidationMessages.NoData, sheet: null);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(0, outcome.Rows);
    }

    [Fact]
    public void Blank_rows_beside_filled_ones_are_skipped_and_named_in_one_warning()
    {
        var sheet = Template()
            .Row("CT_PERS_PROS", null, null, 12, null, null)
            .Row("CT_PERS_PROS", "Femenino", null, null, null, null)
            .Row("CT_PERS_PROS", "Masculino", null, null, null, null)
            .Row("CT_PERS_CONV", null, 3, 5, null, null)
            .Row("LEG_PALERMO", null, null, null, null, null);

        var outcome = Validate(sheet);

        Assert.True(outcome.Accepted, string.Join("; ", outcome.Errors.Select(e => e.MessageKey)));
        Assert.Equal(2, outcome.Rows);
        Assert.Equal(["CT_PERS_PROS|SEX=_T", "CT_PERS_CONV|SEX=_T"], outcome.Observations.Select(o => o.Key));
        var warning = Assert.Single(outcome.Warnings);
        ProblemAssert.Is(warning, ProblemTypes.NotAvailable, Severity.Warning, null, "D", "value", null, ValidationMessages.ValueNotReported);
        Assert.Contains("rows 3–4, 6", Render(warning, Language.En));
        Assert.Contains("filas 3–4, 6", Render(warning, Language.Es));
    }

    [Fact]
    public void A_row_with_a_flag_or_a_note_but_no_value_still_misses_its_value()
    {
        var sheet = Template()
            .Row("CT_PERS_PROS", null, null, 12, null, null)
            .Row("CT_PERS_PROS", "Femenino", null, null, "estimado", null)
            .Row("CT_PERS_PROS", "Masculino", null, null, null, "pendiente");

        var outcome = Validate(sheet);

        Assert.Equal([3, 4], outcome.Errors.Select(e => e.Row));
        Assert.All(outcome.Errors, e => Assert.Equal(ValidationMessages.ValueMissing, e.MessageKey));
    }

    [Fact]
    public void A_json_observation_without_a_value_is_never_taken_as_not_reported()
    {
        var records = new List<Observatory.Core.Reading.ReturnRecord>
        {
            new("observations", 1, new Dictionary<string, Observatory.Core.Reading.FieldCell>
            {
                ["indicator"] = new("indicator", new Observatory.Core.Reading.CellValue("CT_PERS_PROS")),
                ["value"] = new("value", new Observatory.Core.Reading.CellValue(null)),
            }),
        };

        var outcome = Validate(new InMemoryReturn(records, format: Observatory.Core.Reading.ReturnFormat.Json));

        Assert.Equal(ValidationMessages.ValueMissing, Assert.Single(outcome.Errors).MessageKey);
    }
}
