using System.Text;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Tests.Reading.Support;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Reading;

public class JsonReaderTests
{
    private static ReadResult Json(string text, string? fileName = "return.json") =>
        Read.Bytes(Encoding.UTF8.GetBytes(text), ReturnFormat.Json, fileName);

    /// <summary>The document <c>GET /api/observations</c> returns (api.md), sent back as it is.</summary>
    private const string RoundTrip = """
        {
          "country": "MEX", "year": 2025, "submissionId": "0f8fad5b", "acceptedAt": "2026-02-01T10:00:00Z",
          "observations": [
            {"indicator": "CT_VICT_DET",
             "dimensions": {"SEX": "F", "AGE": "Y12T17", "EXPLOITATION": "SEXUAL", "CITIZENSHIP": "_T"},
             "value": 12, "note": null},
            {"indicator": "LEG_PALERMO", "dimensions": {}, "value": "RATIFIED", "note": "2003", "flag": null}
          ]
        }
        """;

    [Fact]
    public void Reads_the_document_the_api_returns()
    {
        var result = Json(RoundTrip);

        Assert.Empty(result.Problems);
        Assert.Equal([1, 2], result.Records.Select(r => r.Row));
        Assert.All(result.Records, r => Assert.Equal("observations", r.Sheet));
        var first = result.Row(1);
        Assert.Equal(new FieldCell("indicator", new CellValue("CT_VICT_DET")), first.Get(ReturnColumn.Indicator));
        Assert.Equal(new FieldCell("dimensions.SEX", new CellValue("F")), first.Get("SEX"));
        Assert.Equal(new FieldCell("dimensions.CITIZENSHIP", new CellValue("_T")), first.Get("CITIZENSHIP"));
        Assert.Equal(new FieldCell("value", new CellValue("12", 12)), first.Get(ReturnColumn.Value));
        Assert.True(first.Get(ReturnColumn.Note)!.Value.Value.IsBlank);
        Assert.Equal(new CellValue("RATIFIED"), result.Row(2).Get(ReturnColumn.Value)!.Value.Value);
        Assert.Equal(new CellValue("2003"), result.Row(2).Get(ReturnColumn.Note)!.Value.Value);
    }

    [Fact]
    public void States_the_country_and_year_of_the_document()
    {
        var result = Json(RoundTrip);

        Assert.Equal(new StatedValue("return.json", null, new FieldCell("country", new CellValue("MEX"))), result.Parsed.StatedCountry);
        Assert.Equal(new StatedValue("return.json", null, new FieldCell("year", new CellValue("2025", 2025))), result.Parsed.StatedYear);
        Assert.Null(result.Parsed.HeaderLanguage);
    }

    [Fact]
    public void Accepts_a_bare_array_of_observations_without_country_or_year()
    {
        var result = Json("""[{"indicator": "Policías: delitos registrados", "dimensions": {"Delito": "Trata"}, "value": "1.234"}]""");

        var record = Assert.Single(result.Records);
        Assert.Equal("1.234", record.Get(ReturnColumn.Value)!.Value.Value.Text);
        Assert.Null(record.Get(ReturnColumn.Value)!.Value.Value.Number);
        Assert.Null(result.Parsed.StatedCountry);
        Assert.Null(result.Parsed.StatedYear);
    }

    [Fact]
    public void Resolves_dimensions_written_as_labels_like_spreadsheet_headers()
    {
        var result = Json("""{"observations": [{"indicator": "CT_PERS_PROS", "dimensions": {"Sexo": "Femenino"}, "value": 3}]}""");

        Assert.Equal(new FieldCell("dimensions.Sexo", new CellValue("Femenino")), Assert.Single(result.Records).Get("SEX"));
    }

    [Fact]
    public void Gives_a_blank_indicator_and_value_when_an_observation_lacks_them()
    {
        var result = Json("""{"observations": [{"dimensions": {"SEX": "F"}}]}""");

        var record = Assert.Single(result.Records);
        Assert.True(record.Get(ReturnColumn.Indicator)!.Value.Value.IsBlank);
        Assert.True(record.Get(ReturnColumn.Value)!.Value.Value.IsBlank);
        Assert.Null(record.Get(ReturnColumn.Note));
    }

    [Fact]
    public void Warns_once_of_each_unknown_property_at_its_first_observation()
    {
        var result = Json("""
            {"country": "BRA", "source": "SINAN",
             "observations": [
               {"indicator": "POP_U18", "value": 1, "comment": "a"},
               {"indicator": "POP_U18", "value": 2, "comment": "b", "dimensions": {"REGION": "N"}},
               {"indicator": "POP_U18", "value": 3, "dimensions": {"REGION": "S"}}]}
            """);

        Assert.Equal(
            [(null, "source"), (1, "comment"), (2, "dimensions.REGION")],
            result.OfType(ProblemTypes.ExtraLabel).Select(p => (p.Row, p.Column!)));
        Assert.All(result.Problems, p => Assert.Equal(Severity.Warning, p.Severity));
        Assert.Equal(3, result.Records.Count);
    }

    [Fact]
    public void Rejects_a_dimension_named_twice_in_one_observation()
    {
        var result = Json("""{"observations": [{"indicator": "POP_U18", "value": 1, "dimensions": {"SEX": "F", "Sexo": "M"}}]}""");

        var duplicate = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.DuplicateLabel, 1, "dimensions.Sexo", "SEX"), (duplicate.Type, duplicate.Row, duplicate.Column, duplicate.Field));
        Assert.Equal("F", Assert.Single(result.Records).Get("SEX")!.Value.Value.Text);
    }

    [Fact]
    public void Reports_a_malformed_document_with_the_line_and_position_of_the_error()
    {
        // The comma after "CT_OFF_REC" is missing: the parser stops at the quote of "value", line 3, column 4.
        var result = Json(string.Join("\n",
            "{\"observations\": [",
            "  {\"indicator\": \"CT_OFF_REC\"",
            "   \"value\": 1}]}"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.FormatError, "reading.format-error.json"), (problem.Type, problem.MessageKey));
        Assert.Equal(["3", "4"], problem.Arguments);
        Assert.Empty(result.Records);
    }

    [Theory]
    [InlineData("\"just text\"", "reading.format-error.json-root")]
    [InlineData("{\"country\": \"MEX\"}", "reading.format-error.json-root")]
    [InlineData("{\"observations\": {\"indicator\": \"POP_U18\"}}", "reading.format-error.json-observations")]
    public void Rejects_a_document_without_an_observations_array(string text, string messageKey)
    {
        var result = Json(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemTypes.FormatError, messageKey), (problem.Type, problem.MessageKey));
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Reports_observations_and_values_of_the_wrong_shape_where_they_stand()
    {
        var result = Json("""{"observations": [42, {"indicator": "POP_U18", "value": {"n": 1}}, {"indicator": "POP_U18", "value": 5, "dimensions": ["F"]}]}""");

        Assert.Equal(
            [("reading.format-error.json-observation", 1, null), ("reading.format-error.json-not-scalar", 2, "value"), ("reading.format-error.json-dimensions", 3, "dimensions")],
            result.Problems.Select(p => (p.MessageKey, p.Row, p.Column)));
        Assert.Equal([2, 3], result.Records.Select(r => r.Row));
        Assert.True(result.Row(2).Get(ReturnColumn.Value)!.Value.Value.IsBlank);
    }

    [Fact]
    public void Reads_a_document_from_a_stream_that_cannot_seek()
    {
        var body = new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes(RoundTrip)));

        var result = Read.Stream(body, ReturnFormat.Json);

        Assert.Equal(2, result.Records.Count);
        Assert.True(body.Disposed);
    }
}
