using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Templates;
using Observatory.Core.Tests.ReferenceData;
using Observatory.Core.Validation;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Templates;

public class ReturnTemplateTests
{
    private static readonly ReturnTemplateBuilder Builder = new(Shipped.Data);
    private static readonly ReturnValidator Validator = new(Shipped.Data);

    private static MemberState Mexico => Shipped.States.FindByIso3("MEX")!;

    private static readonly Observation[] LastYear =
    [
        new("MEX", 2024, "CT_PERS_PROS", [new("SEX", "_T")], ObservationValue.Of(14), null, null),
        new("MEX", 2024, "CT_VICT_DET", [new("SEX", "F"), new("AGE", "Y12T17"), new("EXPLOITATION", "_T"), new("CITIZENSHIP", "_T")], ObservationValue.Of(7), null, null),
        new("MEX", 2024, "LEG_PALERMO", [], ObservationValue.Of("RATIFIED"), null, null),
    ];

    private static byte[] Template(Language language, IReadOnlyList<Observation>? lastYear = null) =>
        Builder.Build(Mexico, 2025, language, lastYear ?? LastYear);

    private static ValidationOutcome Validate(byte[] file, out Language? headerLanguage)
    {
        using var parsed = ReturnReader.Open(new MemoryStream(file), ReturnFormat.Xlsx, "template.xlsx", Shipped.Data);
        headerLanguage = parsed.HeaderLanguage;
        return Validator.Validate(parsed, new ValidationContext(Mexico, 2025, LastYear.ToDictionary(o => o.Key)));
    }

    public static TheoryData<Language> Languages => new(LanguageCodes.All);

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_reader_finds_the_header_its_language_and_the_stated_country_and_year(Language language)
    {
        using var parsed = ReturnReader.Open(new MemoryStream(Template(language)), ReturnFormat.Xlsx, "template.xlsx", Shipped.Data);
        var records = parsed.Records.ToList();

        Assert.Equal(language, parsed.HeaderLanguage);
        Assert.Empty(parsed.Problems);
        Assert.True(Shipped.States.TryResolve(parsed.StatedCountry!.Cell.Value.Display, out var stated));
        Assert.Equal("MEX", stated.Iso3);
        Assert.Equal(2025, parsed.StatedYear!.Cell.Value.Number);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.True(Shipped.Catalog.TryResolveIndicator(r.Get(ReturnColumn.Indicator)!.Value.Value.Display, out _)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_untouched_template_is_rejected_with_exactly_the_no_data_error(Language language)
    {
        var outcome = Validate(Template(language), out _);

        Assert.Equal(ValidationMessages.NoData, Assert.Single(outcome.Errors).MessageKey);
        Assert.Empty(outcome.Warnings);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_template_filled_in_by_a_person_is_accepted_as_typed(Language language)
    {
        byte[] filled;
        using (var workbook = new GeneratedWorkbook(Template(language), editable: true))
        {
            var sheet = new TemplateSheet(workbook, language);
            var value = sheet.Letter(ReturnColumn.Value);
            workbook.Type(sheet.Name, value + sheet.RowOf("CT_PERS_PROS"), 12);
            workbook.Type(sheet.Name, value + sheet.RowOf("CT_PERS_PROS", ("SEX", "F")), 5);
            workbook.Type(sheet.Name, value + sheet.RowOf("CT_PERS_PROS", ("SEX", "M")), 7);
            workbook.Type(sheet.Name, value + sheet.RowOf("CT_VICT_DET", ("SEX", "F"), ("AGE", "Y12T17")), 9);
            // An answer chosen from the drop-down is the list's label in the template's language.
            workbook.Type(sheet.Name, value + sheet.RowOf("LEG_PALERMO"), workbook.NamedList(ListsSheet.Of("TREATY_STATUS"))[0]);
            workbook.Type(sheet.Name, sheet.Letter(ReturnColumn.Note) + sheet.RowOf("CT_PERS_PROS"), "Fiscalía general");
            filled = workbook.Save();
        }

        var outcome = Validate(filled, out var headerLanguage);

        Assert.True(outcome.Accepted, string.Join(" | ", outcome.Errors.Select(e => MessageCatalog.Default.Render(e, Language.En))));
        Assert.Equal(language, headerLanguage);
        Assert.Equal(
            new[]
            {
                "CT_VICT_DET|SEX=F|AGE=Y12T17|EXPLOITATION=_T|CITIZENSHIP=_T=9",
                "CT_PERS_PROS|SEX=_T=12",
                "CT_PERS_PROS|SEX=F=5",
                "CT_PERS_PROS|SEX=M=7",
                "LEG_PALERMO=RATIFIED",
            }.Order(StringComparer.Ordinal),
            outcome.Observations.Select(o => $"{o.Key}={o.Value}").Order(StringComparer.Ordinal));
        Assert.Equal("Fiscalía general", outcome.Observations.Single(o => o.Key == "CT_PERS_PROS|SEX=_T").Note);
        // The rows left blank are named in one warning, not one each.
        Assert.Equal(ValidationMessages.ValueNotReported, Assert.Single(outcome.Warnings).MessageKey);
    }

    [Fact]
    public void Indicators_and_dimensions_offer_the_catalog_labels_from_a_hidden_sheet()
    {
        using var workbook = new GeneratedWorkbook(Template(Language.Fr));
        var sheet = new TemplateSheet(workbook, Language.Fr);
        var first = sheet.ListedRows[0];
        var lastFree = workbook.Rows(sheet.Name).Max(r => (int)r.RowIndex!.Value);

        foreach (var (column, expected) in new (string, IEnumerable<string>)[]
        {
            (ReturnColumn.Indicator, Shipped.Catalog.Indicators.Where(i => !i.Derived).Select(i => i.Labels.Fr)),
            ("SEX", Shipped.Catalog.GetCodeList("SEX").Items.Select(i => i.Labels.Fr)),
            ("EXPLOITATION", Shipped.Catalog.GetCodeList("EXPLOITATION").Items.Select(i => i.Labels.Fr)),
            ("OFFENCE", Shipped.Catalog.GetCodeList("OFFENCE").Items.Select(i => i.Labels.Fr)),
        })
        {
            // The same drop-down on the first listed row and on the last free row.
            foreach (var row in new[] { first, lastFree })
            {
                var rule = workbook.ValidationOf(sheet.Name, sheet.Letter(column) + row);
                Assert.NotNull(rule);
                Assert.Equal(DataValidationValues.List, rule.Type!.Value);
                Assert.Equal(expected, workbook.NamedList(rule.Formula1!.Text));
            }
        }
        var lists = workbook.Sheets.Single(s => s.Name == ListsSheet.Name);
        Assert.Equal(SheetStateValues.Hidden, lists.State!.Value);
    }

    [Fact]
    public void Counts_take_whole_numbers_from_zero_and_answers_their_own_list()
    {
        using var workbook = new GeneratedWorkbook(Template(Language.Es));
        var sheet = new TemplateSheet(workbook, Language.Es);
        var value = sheet.Letter(ReturnColumn.Value);

        foreach (var row in sheet.ListedRows)
        {
            Assert.True(Shipped.Catalog.TryResolveIndicator(sheet.Text(ReturnColumn.Indicator, row), out var indicator));
            var rule = workbook.ValidationOf(sheet.Name, value + row);
            Assert.NotNull(rule);
            Assert.Equal(DataValidationErrorStyleValues.Stop, rule.ErrorStyle?.Value ?? DataValidationErrorStyleValues.Stop);
            if (indicator.IsNumeric)
            {
                Assert.Equal(
                    (DataValidationValues.Whole, DataValidationOperatorValues.GreaterThanOrEqual, "0"),
                    (rule.Type!.Value, rule.Operator!.Value, rule.Formula1!.Text));
            }
            else
            {
                Assert.Equal(DataValidationValues.List, rule.Type!.Value);
                Assert.Equal(Shipped.Catalog.GetCodeList(indicator.ValueList!).Items.Select(i => i.Labels.Es), workbook.NamedList(rule.Formula1!.Text));
            }
        }
        Assert.Contains(sheet.ListedRows, r => sheet.Text(ReturnColumn.Indicator, r) == Shipped.Catalog.FindIndicator("POL_HOTLINE")!.Labels.Es);
    }

    [Fact]
    public void The_header_and_last_years_values_are_protected_and_the_input_cells_are_not()
    {
        using var workbook = new GeneratedWorkbook(Template(Language.Pt));
        var sheet = new TemplateSheet(workbook, Language.Pt);
        var protection = workbook.Worksheet(sheet.Name).GetFirstChild<SheetProtection>();
        Assert.True(protection?.Sheet?.Value);

        foreach (var column in new[] { ReturnColumn.Indicator, "SEX", ReturnColumn.Previous, ReturnColumn.Value, ReturnColumn.Note })
            Assert.True(workbook.IsLocked(workbook.Cell(sheet.Name, sheet.Letter(column) + sheet.HeaderRow)!), column);
        foreach (var row in sheet.ListedRows)
        {
            Assert.False(workbook.IsLocked(workbook.Cell(sheet.Name, sheet.Letter(ReturnColumn.Value) + row)!));
            Assert.False(workbook.IsLocked(workbook.Cell(sheet.Name, sheet.Letter(ReturnColumn.Flag) + row)!));
            Assert.True(workbook.IsLocked(workbook.Cell(sheet.Name, sheet.Letter(ReturnColumn.Previous) + row)!));
        }
        // A breakdown the row's indicator does not have is locked, so it cannot be filled in by mistake.
        var treaty = sheet.RowOf("LEG_PALERMO");
        Assert.True(workbook.IsLocked(workbook.Cell(sheet.Name, sheet.Letter("SEX") + treaty)!));
    }

    [Fact]
    public void Last_years_accepted_values_stand_beside_their_rows_including_cells_beyond_the_margins()
    {
        using var workbook = new GeneratedWorkbook(Template(Language.Es));
        var sheet = new TemplateSheet(workbook, Language.Es);

        Assert.Equal("14", sheet.Text(ReturnColumn.Previous, sheet.RowOf("CT_PERS_PROS")));
        Assert.Equal("7", sheet.Text(ReturnColumn.Previous, sheet.RowOf("CT_VICT_DET", ("SEX", "F"), ("AGE", "Y12T17"))));
        Assert.Equal(ListsSheet.Label(Shipped.Catalog.GetCodeList("TREATY_STATUS"), "RATIFIED", Language.Es),
            sheet.Text(ReturnColumn.Previous, sheet.RowOf("LEG_PALERMO")));
        Assert.Equal(string.Empty, sheet.Text(ReturnColumn.Previous, sheet.RowOf("CT_PERS_PROS", ("SEX", "F"))));
    }

    [Fact]
    public void Every_indicator_is_listed_with_its_total_and_each_part_along_one_dimension()
    {
        using var workbook = new GeneratedWorkbook(Template(Language.En, lastYear: []));
        var sheet = new TemplateSheet(workbook, Language.En);

        foreach (var indicator in Shipped.Catalog.Indicators.Where(i => !i.Derived))
        {
            sheet.RowOf(indicator.Code);
            foreach (var dimension in indicator.Dimensions)
                foreach (var item in Shipped.Catalog.GetCodeList(dimension).Items.Where(i => i.Code != CodeList.Total))
                    sheet.RowOf(indicator.Code, (dimension, item.Code));
        }
        Assert.DoesNotContain(sheet.ListedRows, r => sheet.Text(ReturnColumn.Indicator, r) == Shipped.Catalog.FindIndicator("CT_VICT_DET_RATE")!.Labels.En);
    }

    [Fact]
    public void The_template_conforms_to_the_office_open_xml_schema()
    {
        using var stream = new MemoryStream(Template(Language.Es));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }
}
