using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

public class MessageRenderingTests
{
    /// <summary>A return with every problem the validator reports, one of each at least.</summary>
    private static ValidationOutcome EveryProblem()
    {
        var sheet = new Sheet("country", "year", "indicator", "SEX", "AGE", "OFFENCE", "value", "flag")
            .Row("Jamaica", "", "CT_PERS_PROS", "F", "", "", 5, "")
            .Row("Atlantis", "", "CT_PERS_PROS", "M", "", "", 3, "")
            .Row("", "2024", "CT_PERS_PROS", "_U", "", "", 1, "")
            .Row("", "último", "CT_PERS_PROS", "_T", "", "", 2, "")
            .Row("", "", "", "F", "", "", 5, "")
            .Row("", "", "CT_INVENTED", "F", "", "", 5, "")
            .Row("", "", "CT_VICT_DET_RATE", "", "", "", 5, "")
            .Row("", "", "CT_VICT_DET", "Niñas", "", "", 5, "")
            .Row("", "", "CT_PERS_CONV", "F", "", "Trata", 5, "")
            .Row("", "", "CT_OFF_REC", "", "", "CSEC", "", "estimado")
            .Row("", "", "CT_OFF_REC", "", "", "SMUGGLING", "", "")
            .Row("", "", "CT_OFF_REC", "", "", "TRAFFICKING", "n/d", "")
            .Row("", "", "CT_VICT_DET", "M", "", "", "cinco", "")
            .Row("", "", "CT_VICT_DET", "M", "0-11", "", 2.5, "")
            .Row("", "", "CT_VICT_DET", "M", "12-17", "", "2,5", "")
            .Row("", "", "CT_VICT_DET", "_U", "", "", -4, "")
            .Row("", "", "LEG_PALERMO", "", "", "", "Quizás", "")
            .Row("", "", "POL_NAT_PLAN", "", "", "", "Sí", "casi")
            .Row("", "", "POL_NAT_PLAN", "", "", "", "No", "")
            .Row("", "", "CT_OFF_REC", "", "", "", 40, "")
            .Row("", "", "CT_OFF_REC", "", "", "TRAFFICKING", 45, "")
            .Row("", "", "POP_U18", "", "", "", 150, "")
            .Row("", "", "POP_U18", "F", "", "", 20, "")
            .Row("", "", "CT_PERS_CONV", "M", "", "", 30, "")
            .Row("", "", "CT_PERS_PROS", "M", "", "", 25, "");
        Observation[] lastYear =
        [
            new("MEX", 2024, "CT_PERS_CONV", [new("SEX", "M")], ObservationValue.Of(200), null, null),
            new("MEX", 2024, "POP_U18", [new("SEX", "_T")], ObservationValue.Of(20), null, null),
        ];
        var stated = new StatedValue("Metadata", 3, new FieldCell("B", new CellValue("2023")));
        var withCanada = new Sheet("indicator", "value") { Name = "Canada" }.Row("CT_PERS_PROS", "1,000");

        var mexico = Validate(new InMemoryReturn(sheet.Records, statedYear: stated), previousYear: lastYear);
        var canada = Validate(withCanada.ToReturn(), state: "CAN");
        var empty = Validate(new InMemoryReturn([]));
        return new ValidationOutcome(0, [],
            [.. mexico.Errors, .. canada.Errors, .. empty.Errors], mexico.Warnings);
    }

    [Fact]
    public void The_test_return_reaches_every_message_of_the_validator()
    {
        var outcome = EveryProblem();
        var used = outcome.Errors.Concat(outcome.Warnings).Select(p => p.MessageKey).ToHashSet();
        var all = typeof(ValidationMessages).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        Assert.Empty(all.Except(used));
    }

    [Fact]
    public void Every_problem_reads_differently_in_each_language_and_shows_the_value_found()
    {
        var outcome = EveryProblem();
        foreach (var problem in outcome.Errors.Concat(outcome.Warnings))
        {
            var messages = LanguageCodes.All.Select(language => Render(problem, language)).ToArray();
            Assert.Equal(4, messages.Distinct().Count());
            if (!string.IsNullOrEmpty(problem.Value))
                Assert.All(messages, message => Assert.Contains(problem.Value, message));
        }
    }

    [Fact]
    public void Rendered_problems_carry_location_and_message_for_the_api()
    {
        var outcome = Validate(new Sheet("indicator", "SEX", "value").Row("CT_PERS_PROS", "F", "-3"));

        var rendered = Assert.Single(RenderedProblem.FromAll(outcome.Errors, Language.Es));

        Assert.Equal(
            ("constraint-error", "Data", (int?)2, "C", "value", "-3"),
            (rendered.Type, rendered.Sheet, rendered.Row, rendered.Column, rendered.Field, rendered.Value));
        Assert.Equal(MessageCatalog.Default.Render(ValidationMessages.ValueNegative, Language.Es, ["-3"]), rendered.Message);
        Assert.Contains("negativo", rendered.Message);
    }
}
