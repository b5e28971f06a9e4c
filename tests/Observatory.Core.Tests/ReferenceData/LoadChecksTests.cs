using System.Text;
using System.Text.Json.Nodes;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.ReferenceData;

/// <summary>Broken documents, made by altering the shipped ones, must be refused with a message naming the culprit.</summary>
public class LoadChecksTests
{
    private static readonly string CatalogJson = Shipped.ReadDataFile(ReferenceDataSet.CatalogFileName);
    private static readonly string StatesJson = Shipped.ReadDataFile(ReferenceDataSet.MemberStatesFileName);

    [Fact]
    public void The_shipped_documents_load_through_the_stream_overload()
    {
        var data = Load(CatalogJson, StatesJson);

        Assert.Equal(Shipped.Catalog.Indicators.Count, data.Catalog.Indicators.Count);
        Assert.Equal(35, data.States.All.Count);
    }

    [Fact]
    public void Default_is_loaded_once()
    {
        Assert.Same(ReferenceDataSet.Default, ReferenceDataSet.Default);
    }

    [Fact]
    public void A_duplicate_code_in_a_list_is_refused()
    {
        var catalog = AlterCatalog(doc => CodeOf(doc, "SEX", "M")["code"] = "F");

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("code list SEX", error.Message);
        Assert.Contains("\"F\" appears twice", error.Message);
    }

    [Fact]
    public void A_duplicate_indicator_code_is_refused()
    {
        var catalog = AlterCatalog(doc => Indicator(doc, "CT_PERS_CONV")["code"] = "CT_PERS_PROS");

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("CT_PERS_PROS", error.Message);
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("fr")]
    public void An_empty_code_label_is_refused_naming_code_and_language(string language)
    {
        var catalog = AlterCatalog(doc => CodeOf(doc, "AGE", "Y12T17")["label"]![language] = " ");

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("code list AGE, code Y12T17", error.Message);
        Assert.Contains($"in {language} is empty", error.Message);
    }

    [Fact]
    public void A_missing_label_language_is_refused_by_the_reader()
    {
        var catalog = AlterCatalog(doc => Indicator(doc, "POP_U18")["description"]!.AsObject().Remove("es"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("catalog document", error.Message);
        Assert.Contains("es", error.Message);
    }

    [Fact]
    public void An_empty_indicator_description_is_refused()
    {
        var catalog = AlterCatalog(doc => Indicator(doc, "LEG_CRC")["description"]!["en"] = "");

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("indicator LEG_CRC", error.Message);
        Assert.Contains("description in en", error.Message);
    }

    [Fact]
    public void An_alias_that_resolves_to_two_codes_of_one_list_is_refused_naming_both()
    {
        // "Féminin" folds to the key of M's new alias "feminin".
        var catalog = AlterCatalog(doc => Aliases(CodeOf(doc, "SEX", "M"), "fr").Add("feminin"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("code list SEX", error.Message);
        Assert.Contains("(for M)", error.Message);
        Assert.Contains("(for F)", error.Message);
        Assert.Contains("\"feminin\"", error.Message);
    }

    [Fact]
    public void An_alias_that_folds_onto_another_code_is_refused()
    {
        // "T" would read as _T, the total, once folded.
        var catalog = AlterCatalog(doc => Aliases(CodeOf(doc, "OFFENCE", "TRAFFICKING"), "any").Add("T"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("code list OFFENCE", error.Message);
        Assert.Contains("_T", error.Message);
    }

    [Fact]
    public void The_same_alias_in_two_different_lists_is_allowed()
    {
        var catalog = AlterCatalog(doc => Aliases(CodeOf(doc, "AGE", "_U"), "en").Add("female"));

        var data = Load(catalog, StatesJson);
        Assert.True(data.Catalog.TryResolveCode("AGE", "female", out var code));
        Assert.Equal("_U", code);
    }

    [Fact]
    public void A_header_that_names_two_columns_is_refused_naming_both()
    {
        var catalog = AlterCatalog(doc => Aliases(Column(doc, "value"), "fr").Add("Remarque"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("the columns", error.Message);
        Assert.Contains("(for value)", error.Message);
        Assert.Contains("(for note)", error.Message);
    }

    [Fact]
    public void An_indicator_alias_that_names_two_indicators_is_refused()
    {
        var catalog = AlterCatalog(doc => Aliases(Indicator(doc, "CT_PERS_CONV"), "es").Add("Personas procesadas"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("the indicators", error.Message);
        Assert.Contains("CT_PERS_PROS", error.Message);
    }

    [Fact]
    public void An_alias_with_no_letter_or_digit_is_refused()
    {
        var catalog = AlterCatalog(doc => Aliases(CodeOf(doc, "YES_NO", "NO"), "any").Add("-"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("could never be matched", error.Message);
    }

    [Fact]
    public void An_indicator_with_an_unknown_dimension_is_refused()
    {
        var catalog = AlterCatalog(doc => Indicator(doc, "CT_VICT_CSE")["dimensions"]!.AsArray().Add("REGION"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("indicator CT_VICT_CSE", error.Message);
        Assert.Contains("REGION", error.Message);
    }

    [Fact]
    public void An_indicator_broken_down_by_a_value_list_is_refused()
    {
        var catalog = AlterCatalog(doc => Indicator(doc, "POP_U18")["dimensions"]!.AsArray().Add("YES_NO"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("indicator POP_U18", error.Message);
    }

    [Fact]
    public void A_submitted_indicator_with_an_unknown_unit_is_refused()
    {
        var catalog = AlterCatalog(doc => Indicator(doc, "POL_HOTLINE")["unit"] = "PERCENT");

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("indicator POL_HOTLINE", error.Message);
        Assert.Contains("PERCENT", error.Message);
    }

    [Fact]
    public void A_dimension_without_a_column_is_refused()
    {
        var catalog = AlterCatalog(doc => doc["columns"]!.AsArray().Remove(Column(doc, "ACCOMPANIMENT")));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("ACCOMPANIMENT", error.Message);
    }

    [Fact]
    public void A_dimension_without_a_total_is_refused()
    {
        var catalog = AlterCatalog(doc => Codes(doc, "OFFENCE").Remove(CodeOf(doc, "OFFENCE", "_T")));

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("code list OFFENCE", error.Message);
        Assert.Contains("_T", error.Message);
    }

    [Fact]
    public void A_code_that_is_not_a_stable_identifier_is_refused()
    {
        var catalog = AlterCatalog(doc => CodeOf(doc, "EXPLOITATION", "BEGGING")["code"] = "Begging");

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("\"Begging\"", error.Message);
    }

    [Fact]
    public void A_misspelt_property_is_refused()
    {
        var catalog = AlterCatalog(doc => Indicator(doc, "LEG_CRC")["protectd"] = true);

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("protectd", error.Message);
    }

    [Fact]
    public void A_code_list_of_an_unknown_kind_is_refused()
    {
        var catalog = AlterCatalog(doc => CodeList(doc, "SEX")["kind"] = "dimensions");

        var error = Assert.Throws<ReferenceDataException>(() => Load(catalog, StatesJson));
        Assert.Contains("code list SEX", error.Message);
        Assert.Contains("dimensions", error.Message);
    }

    [Fact]
    public void A_document_that_is_not_json_is_refused()
    {
        var error = Assert.Throws<ReferenceDataException>(() => Load("{ \"version\": ", StatesJson));
        Assert.Contains("catalog document", error.Message);
    }

    [Fact]
    public void A_state_name_that_resolves_to_two_states_is_refused()
    {
        var states = AlterStates(doc => Aliases(State(doc, "DOM"), "en").Add("Dominica"));

        var error = Assert.Throws<ReferenceDataException>(() => Load(CatalogJson, states));
        Assert.Contains("member states document", error.Message);
        Assert.Contains("(for DOM)", error.Message);
        Assert.Contains("(for DMA)", error.Message);
    }

    [Fact]
    public void A_repeated_ISO3_code_is_refused()
    {
        var states = AlterStates(doc => State(doc, "DMA")["iso3"] = "DOM");

        var error = Assert.Throws<ReferenceDataException>(() => Load(CatalogJson, states));
        Assert.Contains("\"DOM\" appears twice", error.Message);
    }

    [Fact]
    public void An_M49_code_without_its_leading_zeros_is_refused()
    {
        var states = AlterStates(doc => State(doc, "ATG")["m49"] = "28");

        var error = Assert.Throws<ReferenceDataException>(() => Load(CatalogJson, states));
        Assert.Contains("state ATG", error.Message);
        Assert.Contains("three digits", error.Message);
    }

    [Fact]
    public void An_empty_state_name_is_refused()
    {
        var states = AlterStates(doc => State(doc, "HTI")["name"]!["fr"] = "");

        var error = Assert.Throws<ReferenceDataException>(() => Load(CatalogJson, states));
        Assert.Contains("state HTI", error.Message);
        Assert.Contains("name in fr", error.Message);
    }

    [Fact]
    public void A_participation_period_that_ends_before_it_starts_is_refused()
    {
        var states = AlterStates(doc => State(doc, "NIC")["participation"]![0]!["until"] = "1940-01-01");

        var error = Assert.Throws<ReferenceDataException>(() => Load(CatalogJson, states));
        Assert.Contains("state NIC", error.Message);
        Assert.Contains("ends (1940-01-01) before it starts", error.Message);
    }

    [Fact]
    public void Overlapping_participation_periods_are_refused()
    {
        var states = AlterStates(doc => State(doc, "CUB")["participation"]!.AsArray()
            .Add(new JsonObject { ["from"] = "1960-01-01", ["until"] = null }));

        var error = Assert.Throws<ReferenceDataException>(() => Load(CatalogJson, states));
        Assert.Contains("state CUB", error.Message);
        Assert.Contains("overlaps", error.Message);
    }

    [Fact]
    public void A_later_period_after_a_gap_is_accepted()
    {
        var states = AlterStates(doc => State(doc, "CUB")["participation"]!.AsArray()
            .Add(new JsonObject { ["from"] = "2030-01-01", ["until"] = null }));

        var cuba = Load(CatalogJson, states).States.FindByIso3("CUB")!;
        Assert.False(cuba.ParticipatedIn(2029));
        Assert.True(cuba.ParticipatedIn(2030));
    }

    [Fact]
    public void An_unknown_working_language_is_refused()
    {
        var states = AlterStates(doc => State(doc, "SUR")["language"] = "nl");

        var error = Assert.Throws<ReferenceDataException>(() => Load(CatalogJson, states));
        Assert.Contains("state SUR", error.Message);
        Assert.Contains("\"nl\"", error.Message);
    }

    private static ReferenceDataSet Load(string catalog, string states)
    {
        using var catalogStream = new MemoryStream(Encoding.UTF8.GetBytes(catalog));
        using var statesStream = new MemoryStream(Encoding.UTF8.GetBytes(states));
        return ReferenceDataSet.Load(catalogStream, statesStream);
    }

    private static string AlterCatalog(Action<JsonNode> alter) => Alter(CatalogJson, alter);

    private static string AlterStates(Action<JsonNode> alter) => Alter(StatesJson, alter);

    private static string Alter(string json, Action<JsonNode> alter)
    {
        var document = JsonNode.Parse(json)!;
        alter(document);
        return document.ToJsonString();
    }

    private static JsonObject Find(JsonNode document, string array, string key, string value) =>
        document[array]!.AsArray().Single(n => (string?)n![key] == value)!.AsObject();

    private static JsonObject Indicator(JsonNode document, string code) => Find(document, "indicators", "code", code);

    private static JsonObject CodeList(JsonNode document, string id) => Find(document, "codeLists", "id", id);

    private static JsonArray Codes(JsonNode document, string listId) => CodeList(document, listId)["codes"]!.AsArray();

    private static JsonObject CodeOf(JsonNode document, string listId, string code) =>
        Codes(document, listId).Single(n => (string?)n!["code"] == code)!.AsObject();

    private static JsonObject Column(JsonNode document, string column) => Find(document, "columns", "column", column);

    private static JsonObject State(JsonNode document, string iso3) => Find(document, "states", "iso3", iso3);

    private static JsonArray Aliases(JsonObject owner, string language)
    {
        var aliases = owner["aliases"] as JsonObject ?? (JsonObject)(owner["aliases"] = new JsonObject());
        return aliases[language] as JsonArray ?? (JsonArray)(aliases[language] = new JsonArray());
    }
}
