using System.Reflection;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.Validation;

public class MessageCatalogTests
{
    private static readonly string[] ValidatorKeys = typeof(ValidationMessages)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static MessageCatalog Parse(params string[] files) =>
        MessageCatalog.Parse(files.Select((json, i) => ($"file{i}.json", json)));

    private const string Hello = """{ "greeting": { "en": "Hello {0}", "es": "Hola {0}", "pt": "Olá {0}", "fr": "Bonjour {0}" } }""";

    [Fact]
    public void Every_key_the_validator_uses_is_shipped_in_all_four_languages_with_distinct_texts()
    {
        Assert.NotEmpty(ValidatorKeys);
        var arguments = Enumerable.Range(0, 8).Select(i => $"<arg{i}>").ToArray();
        foreach (var key in ValidatorKeys)
        {
            Assert.True(MessageCatalog.Default.Contains(key), $"No message for {key}");
            var texts = LanguageCodes.All.Select(l => MessageCatalog.Default.Render(key, l, arguments)).ToArray();
            Assert.Equal(4, texts.Distinct().Count());
            Assert.All(texts, t => Assert.DoesNotContain("{", t));
        }
    }

    [Fact]
    public void Every_shipped_validation_message_is_used_by_the_validator()
    {
        var shipped = MessageCatalog.Default.Keys.Where(k => k.StartsWith("validation.", StringComparison.Ordinal));
        Assert.Empty(shipped.Except(ValidatorKeys));
    }

    [Fact]
    public void Render_substitutes_arguments_in_the_requested_language()
    {
        var catalog = Parse(Hello);
        Assert.Equal("Olá Ana", catalog.Render("greeting", Language.Pt, ["Ana"]));
        Assert.Equal("Bonjour Ana", catalog.Render("greeting", Language.Fr, ["Ana"]));
    }

    [Fact]
    public void Render_of_a_problem_appends_its_localized_arguments_in_the_requested_language()
    {
        var catalog = Parse("""{ "k": { "en": "{0} by {1}", "es": "{0} por {1}", "pt": "{0} por {1}", "fr": "{0} par {1}" } }""");
        var problem = new Problem(ProblemTypes.UnknownCode, Severity.Error, "Data", 3, "B", "SEX", "X", "k", ["X"])
        {
            LocalizedArguments = [new LocalizedText("Sex", "Sexo", "Sexo", "Sexe")],
        };
        Assert.Equal("X by Sex", catalog.Render(problem, Language.En));
        Assert.Equal("X par Sexe", catalog.Render(problem, Language.Fr));
    }

    [Fact]
    public void Render_fails_clearly_for_an_unknown_key_or_missing_arguments()
    {
        var catalog = Parse(Hello);
        Assert.Throws<KeyNotFoundException>(() => catalog.Render("nope", Language.En, []));
        var e = Assert.Throws<ArgumentException>(() => catalog.Render("greeting", Language.En, []));
        Assert.Contains("greeting", e.Message);
    }

    [Fact]
    public void Load_fails_on_a_key_repeated_across_files()
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(Hello, Hello));
        Assert.Contains("greeting", e.Message);
        Assert.Contains("file0.json", e.Message);
        Assert.Contains("file1.json", e.Message);
    }

    [Fact]
    public void Load_fails_on_a_key_repeated_in_one_file()
    {
        const string json = """
            { "a": { "en": "A", "es": "A", "pt": "A", "fr": "A" },
              "a": { "en": "B", "es": "B", "pt": "B", "fr": "B" } }
            """;
        var e = Assert.Throws<InvalidDataException>(() => Parse(json));
        Assert.Contains("'a'", e.Message);
    }

    [Theory]
    [InlineData("""{ "k": { "en": "A", "es": "A", "pt": "A" } }""", "'fr'")]
    [InlineData("""{ "k": { "en": "A", "es": " ", "pt": "A", "fr": "A" } }""", "'es'")]
    [InlineData("""{ "k": { "en": "A", "es": null, "pt": "A", "fr": "A" } }""", "'es'")]
    [InlineData("""{ "k": { "en": "A", "es": "A", "pt": "A", "fr": "A", "de": "A" } }""", "'de'")]
    [InlineData("""{ "k": { "en": "A", "en": "B", "es": "A", "pt": "A", "fr": "A" } }""", "'en'")]
    [InlineData("""{ "k": "A" }""", "'k'")]
    [InlineData("""[ ]""", "object")]
    [InlineData("""{ "k": { "en": "A {0", "es": "A", "pt": "A", "fr": "A" } }""", "format")]
    [InlineData("""{ "k": { "en": "{0} {1}", "es": "{0}", "pt": "{0} {1}", "fr": "{1} {0}" } }""", "placeholders")]
    [InlineData("""{ "k": """, "JSON")]
    public void Load_fails_on_a_malformed_message(string json, string expectedInMessage)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(json));
        Assert.Contains(expectedInMessage, e.Message);
    }

    [Fact]
    public void Placeholders_in_a_different_order_are_accepted()
    {
        var catalog = Parse("""{ "k": { "en": "{0} of {1}", "es": "{1} de {0}", "pt": "{0} de {1}", "fr": "{0} sur {1} {{x}}" } }""");
        Assert.Equal("b de a", catalog.Render("k", Language.Es, ["a", "b"]));
        Assert.Equal("a sur b {x}", catalog.Render("k", Language.Fr, ["a", "b"]));
    }

    [Fact]
    public void Rendered_problems_keep_their_location_and_carry_the_message()
    {
        var catalog = Parse(Hello);
        var problem = new Problem(ProblemTypes.ConstraintError, Severity.Error, "Data", 14, "F", "value", "-3", "greeting", ["-3"]);
        var rendered = RenderedProblem.FromAll([problem], Language.Es, catalog);
        Assert.Equal(new RenderedProblem("constraint-error", "Data", 14, "F", "value", "-3", "Hola -3"), Assert.Single(rendered));
    }
}
