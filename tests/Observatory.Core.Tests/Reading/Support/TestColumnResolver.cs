using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Text;

namespace Observatory.Core.Tests.Reading.Support;

/// <summary>
/// A stand-in for the catalog's column aliases (which are built elsewhere): the headers focal points write in the
/// four languages, matched as the catalog matches them (case, accents and punctuation aside). A label written the
/// same in several languages, and a code, carry no language.
/// </summary>
internal sealed class TestColumnResolver : IColumnResolver
{
    private static readonly string[] Codes =
        [ReturnColumn.Indicator, ReturnColumn.Value, ReturnColumn.Note, ReturnColumn.Country, ReturnColumn.Year, ReturnColumn.Flag, ReturnColumn.Unit,
         "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE"];

    private static readonly (string Label, string Column, Language? Language)[] Labels =
    [
        ("Indicator", ReturnColumn.Indicator, Language.En),
        ("Indicador", ReturnColumn.Indicator, null),
        ("Indicateur", ReturnColumn.Indicator, Language.Fr),
        ("Value", ReturnColumn.Value, Language.En),
        ("Valor", ReturnColumn.Value, null),
        ("Valeur", ReturnColumn.Value, Language.Fr),
        ("Sex", "SEX", Language.En),
        ("Sexo", "SEX", null),
        ("Sexe", "SEX", Language.Fr),
        ("Age", "AGE", null),
        ("Edad", "AGE", Language.Es),
        ("Idade", "AGE", Language.Pt),
        ("Form of exploitation", "EXPLOITATION", Language.En),
        ("Forma de explotación", "EXPLOITATION", Language.Es),
        ("Forma de exploração", "EXPLOITATION", Language.Pt),
        ("Forme d'exploitation", "EXPLOITATION", Language.Fr),
        ("Citizenship", "CITIZENSHIP", Language.En),
        ("Nationality", "CITIZENSHIP", Language.En),
        ("Ciudadanía", "CITIZENSHIP", Language.Es),
        ("Nacionalidad", "CITIZENSHIP", Language.Es),
        ("Nacionalidade", "CITIZENSHIP", Language.Pt),
        ("Nationalité", "CITIZENSHIP", Language.Fr),
        ("Note", ReturnColumn.Note, null),
        ("Nota", ReturnColumn.Note, null),
        ("Observaciones", ReturnColumn.Note, Language.Es),
        ("Country", ReturnColumn.Country, Language.En),
        ("País", ReturnColumn.Country, null),
        ("Pays", ReturnColumn.Country, Language.Fr),
        ("Year", ReturnColumn.Year, Language.En),
        ("Año", ReturnColumn.Year, null),
        ("Année", ReturnColumn.Year, Language.Fr),
        ("Flag", ReturnColumn.Flag, Language.En),
        ("Unit", ReturnColumn.Unit, Language.En),
        ("Unidad", ReturnColumn.Unit, Language.Es),
    ];

    // Declared after the tables it is built from: static fields are initialised in order.
    public static TestColumnResolver Instance { get; } = new();

    private readonly Dictionary<string, (string Column, Language? Language)> _byKey =
        Labels.ToDictionary(l => TextKey.Fold(l.Label), l => (l.Column, l.Language));

    public bool TryResolve(string header, out string column, out Language? language)
    {
        var trimmed = header.Trim();
        var code = Codes.FirstOrDefault(c => trimmed == c || trimmed == c.ToUpperInvariant());
        if (code is not null)
        {
            column = code;
            language = null;
            return true;
        }
        if (_byKey.TryGetValue(TextKey.Fold(trimmed), out var match))
        {
            (column, language) = match;
            return true;
        }
        column = string.Empty;
        language = null;
        return false;
    }
}
