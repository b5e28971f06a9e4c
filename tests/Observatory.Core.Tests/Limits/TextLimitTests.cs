using System.Text;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Limits;

/// <summary>
/// Issue 11, row 9: a note of 40,000 characters, a note or country that is not valid UTF-8 end rejected with an error
/// at their cell, never failed (a table property over 64 KB, an encoding exception).
/// </summary>
public class TextLimitTests
{
    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    [Fact]
    public void A_note_longer_than_2000_characters_is_an_error_at_its_cell()
    {
        var csv = Utf8($"Indicador;Valor;Nota\r\nCT_PERS_PROS;12;{new string('n', 2_500)}\r\nCT_PERS_CONV;3;breve\r\n");

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(csv, ReturnFormat.Csv, "notas.csv"), "limits.note");

        Assert.Equal(("notas.csv", 2, "C", ReturnColumnNote), (error.Sheet, error.Row, error.Column, error.Field));
        Assert.Equal(["2500", "2000"], error.Arguments);
        Assert.True(error.Value!.Length <= 201, "The problem quotes the note whole.");
    }

    [Fact]
    public void A_note_of_2000_characters_is_accepted()
    {
        var csv = Utf8($"Indicador;Valor;Nota\r\nCT_PERS_PROS;12;{new string('n', 2_000)}\r\n");

        var outcome = LimitedReturn.Validate(csv, ReturnFormat.Csv, "notas.csv");

        Assert.True(outcome.Accepted);
        Assert.Equal(2_000, Assert.Single(outcome.Observations).Note!.Length);
    }

    [Fact]
    public void A_csv_note_of_40000_characters_is_refused_at_its_cell()
    {
        var csv = Utf8($"Indicador;Valor;Nota\r\nCT_PERS_PROS;12;{new string('n', 40_000)}\r\n");

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(csv, ReturnFormat.Csv, "notas.csv"), "limits.cell-chars");

        Assert.Equal(("notas.csv", 2, "C"), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void A_json_note_of_40000_characters_is_refused_at_its_observation()
    {
        var json = Utf8($$"""{"country":"MEX","year":2025,"observations":[{"indicator":"CT_PERS_PROS","value":12,"note":"{{new string('n', 40_000)}}"}]}""");

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(json, ReturnFormat.Json, "r.json"), "limits.cell-chars");

        Assert.Equal(("observations", 1, "note"), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void A_utf8_csv_with_an_invalid_byte_in_a_note_is_refused_at_that_cell()
    {
        var csv = Concat(Utf8("Indicador;Valor;Nota\r\nCT_PERS_PROS;12;Niñas y niños\r\nCT_PERS_CONV;3;mal "), [0xFF, 0xFE], Utf8("\r\n"));

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(csv, ReturnFormat.Csv, "r.csv"), "limits.invalid-text");

        Assert.Equal((ProblemTypes.EncodingError, "r.csv", 3, "C"), (error.Type, error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void A_windows_1252_csv_is_still_read_as_such()
    {
        var csv = Concat(Utf8("Indicador;Valor;Nota\r\nCT_PERS_PROS;12;Ni"), [0xF1], Utf8("as\r\n"));

        var outcome = LimitedReturn.Validate(csv, ReturnFormat.Csv, "r.csv");

        Assert.True(outcome.Accepted);
        Assert.Equal("Niñas", Assert.Single(outcome.Observations).Note);
    }

    [Theory]
    [InlineData("note")]
    [InlineData("country")]
    public void Json_text_that_is_not_valid_utf8_is_refused_where_it_stands(string property)
    {
        var before = property == "country"
            ? Utf8("{\"year\":2025,\"country\":\"ME")
            : Utf8("{\"country\":\"MEX\",\"year\":2025,\"observations\":[{\"indicator\":\"CT_PERS_PROS\",\"value\":12,\"note\":\"mal");
        var after = property == "country"
            ? Utf8("\",\"observations\":[{\"indicator\":\"CT_PERS_PROS\",\"value\":12}]}")
            : Utf8("\"}]}");
        var json = Concat(before, [0xC3, 0x28], after);

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(json, ReturnFormat.Json, "r.json"), "limits.invalid-text");

        Assert.Equal(ProblemTypes.EncodingError, error.Type);
        if (property == "country")
            Assert.Equal(("r.json", (int?)null, "country"), (error.Sheet, error.Row, error.Column));
        else
            Assert.Equal(("observations", (int?)1, "note"), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void A_json_lone_surrogate_escape_is_refused_where_it_stands()
    {
        var json = Utf8("""{"country":"MEX","year":2025,"observations":[{"indicator":"CT_PERS_PROS","value":12,"note":"a\uD800b"}]}""");

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(json, ReturnFormat.Json, "r.json"), "limits.invalid-text");

        Assert.Equal(("observations", (int?)1, "note"), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public void A_json_object_with_too_many_properties_or_too_long_a_name_is_refused()
    {
        var many = string.Join(",", Enumerable.Range(0, 1_001).Select(i => $"\"p{i}\":1"));
        var json = Utf8("{\"country\":\"MEX\",\"year\":2025,\"observations\":[{\"indicator\":\"CT_PERS_PROS\",\"value\":12,\"dimensions\":{" + many + "}}]}");
        var error = LimitedReturn.SingleError(LimitedReturn.Validate(json, ReturnFormat.Json, "r.json"), "limits.json.properties");
        Assert.Equal(("observations", (int?)1, "dimensions"), (error.Sheet, error.Row, error.Column));

        var longName = Utf8($$"""{"country":"MEX","year":2025,"observations":[{"indicator":"CT_PERS_PROS","value":12,"{{new string('p', 300)}}":1}]}""");
        LimitedReturn.SingleError(LimitedReturn.Validate(longName, ReturnFormat.Json, "r.json"), "limits.json.name");
    }

    [Fact]
    public void More_csv_fields_than_columns_in_a_sheet_is_refused_at_the_row()
    {
        var csv = Utf8("Indicador;Valor\r\nCT_PERS_PROS;12" + new string(';', 16_384) + "\r\n");

        var error = LimitedReturn.SingleError(LimitedReturn.Validate(csv, ReturnFormat.Csv, "r.csv"), "limits.columns");

        Assert.Equal(("r.csv", 2), (error.Sheet, error.Row));
    }

    private const string ReturnColumnNote = Observatory.Core.ReferenceData.ReturnColumn.Note;
}
