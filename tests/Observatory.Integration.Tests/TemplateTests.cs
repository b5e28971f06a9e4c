using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;
using Observatory.Core.Templates;
using Observatory.Core.Validation;
using Observatory.Functions.Templates;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>The template a focal point downloads, fills in as a person would, and sends back.</summary>
[Collection(PipelineCollection.Name)]
public sealed class TemplateTests(PipelineHarness pipeline)
{
    private static IndicatorCatalog Catalog => ReferenceDataSet.Default.Catalog;

    private Task<ApiResponse> GetTemplateAsync(string? key, string query) =>
        pipeline.InvokeAsync(pipeline.Request("GET", "/api/template", query, key), r => pipeline.Function<GetTemplate>().Run(r, CancellationToken.None));

    [Theory]
    [InlineData("JAM", "en")]
    [InlineData("COL", "es")]
    [InlineData("BRA", "pt")]
    [InlineData("HTI", "fr")]
    public async Task A_template_filled_in_by_a_person_is_accepted_in_each_language(string country, string lang)
    {
        Assert.True(LanguageCodes.TryParse(lang, out var language));
        var (_, key) = await pipeline.IssueKeyAsync(country);
        var template = await GetTemplateAsync(key, $"year=2021&lang={lang}");
        Assert.Equal(200, template.Status);
        Assert.Equal(ReturnTemplateBuilder.ContentType, template.ContentType);
        Assert.Contains($"observatory-return-{country}-2021-{lang}.xlsx", template.Headers.ContentDisposition.ToString());

        byte[] filled;
        using (var workbook = new GeneratedWorkbook(template.Body, editable: true))
        {
            var sheet = new TemplateSheet(workbook, language);
            var value = sheet.Letter(ReturnColumn.Value);
            workbook.Type(sheet.Name, value + sheet.RowOf("CT_VICT_DET"), 30);
            workbook.Type(sheet.Name, value + sheet.RowOf("CT_VICT_DET", ("SEX", "F")), 18);
            workbook.Type(sheet.Name, value + sheet.RowOf("CT_VICT_DET", ("SEX", "M")), 12);
            workbook.Type(sheet.Name, value + sheet.RowOf("POP_U18"), 1_250_000);
            // Answers and flags as a person picks them: the first entry of the cell's drop-down.
            Choose(workbook, sheet.Name, value + sheet.RowOf("POL_HOTLINE"));
            Choose(workbook, sheet.Name, sheet.Letter(ReturnColumn.Flag) + sheet.RowOf("POP_U18"));
            filled = workbook.Save();
        }

        // No country, no year: the key's state, and the year the template states.
        var upload = await pipeline.UploadAsync(key, $"lang={lang}", filled, ReturnFiles.XlsxType);
        Assert.Equal(202, upload.Status);
        Assert.Equal(2021, upload.Json.GetProperty("year").GetInt32());
        await pipeline.ProcessAllAsync();

        var status = await pipeline.GetSubmissionAsync(key, upload.Json.GetProperty("id").GetString()!);
        Assert.True("accepted" == status.Json.GetProperty("status").GetString(), status.Text);
        Assert.Equal(0, status.Json.GetProperty("counts").GetProperty("errors").GetInt32());
        Assert.Equal(5, status.Json.GetProperty("counts").GetProperty("observations").GetInt32());
        // The rows left blank are named once, as not reported.
        var warning = Assert.Single(status.Json.GetProperty("warnings").EnumerateArray());
        Assert.Equal(ProblemTypes.NotAvailable, warning.GetProperty("type").GetString());
    }

    private static void Choose(GeneratedWorkbook workbook, string sheet, string reference)
    {
        var dropDown = workbook.ValidationOf(sheet, reference) ?? throw new InvalidOperationException($"{reference} has no drop-down.");
        workbook.Type(sheet, reference, workbook.NamedList(dropDown.Formula1!.Text)[0]);
    }

    [Fact]
    public async Task An_untouched_template_is_rejected_with_exactly_one_error()
    {
        var (_, key) = await pipeline.IssueKeyAsync("DOM");
        var template = await GetTemplateAsync(key, "year=2021");

        var upload = await pipeline.UploadAsync(key, "", template.Body, ReturnFiles.XlsxType);
        await pipeline.ProcessAllAsync();

        var status = await pipeline.GetSubmissionAsync(key, upload.Json.GetProperty("id").GetString()!);
        Assert.Equal("rejected", status.Json.GetProperty("status").GetString());
        var error = Assert.Single(status.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal(MessageCatalog.Default.Render(ValidationMessages.NoData, Language.Es, []), error.GetProperty("message").GetString());
        Assert.Empty(status.Json.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task The_template_shows_the_states_accepted_values_of_the_year_before()
    {
        var (_, key) = await pipeline.IssueKeyAsync("ECU");
        var lastYear = await pipeline.UploadAsync(key, "year=2020", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(23, 11, "Ecuador")), ReturnFiles.XlsxType);
        await pipeline.ProcessAllAsync();
        Assert.Equal("accepted", (await pipeline.GetSubmissionAsync(key, lastYear.Json.GetProperty("id").GetString()!)).Json.GetProperty("status").GetString());

        var template = await GetTemplateAsync(key, "year=2021");

        using var workbook = new GeneratedWorkbook(template.Body);
        var sheet = new TemplateSheet(workbook, Language.Es);
        Assert.Equal("34", sheet.Text(ReturnColumn.Previous, sheet.RowOf("CT_VICT_DET")));
        Assert.Equal("23", sheet.Text(ReturnColumn.Previous, sheet.RowOf("CT_VICT_DET", ("SEX", "F"))));
        Assert.Equal("40123456", sheet.Text(ReturnColumn.Previous, sheet.RowOf("POP_U18")));
        Assert.Equal(string.Empty, sheet.Text(ReturnColumn.Previous, sheet.RowOf("CT_VICT_DET", ("SEX", "_U"))));
    }

    [Fact]
    public async Task Only_the_states_focal_point_or_staff_may_fetch_its_template()
    {
        var (_, key) = await pipeline.IssueKeyAsync("PRY");

        Assert.Equal(401, (await GetTemplateAsync(null, "country=PRY")).Status);
        Assert.Equal(403, (await GetTemplateAsync(key, "country=ARG")).Status);
        Assert.Equal(200, (await GetTemplateAsync(pipeline.AdminKey, "country=ARG&year=2021&lang=pt")).Status);
        Assert.Equal(400, (await GetTemplateAsync(pipeline.AdminKey, "year=2021")).Status);
        Assert.Equal(400, (await GetTemplateAsync(key, "lang=de")).Status);
    }
}
