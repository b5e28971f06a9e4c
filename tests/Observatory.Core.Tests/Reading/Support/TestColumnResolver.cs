using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Text;

namespace Observatory.Core.Tests.Reading.Support;

/// <summary>
/// A stand-in for the catalog's column aliases (which are built elsewhere): the headers focal points write in the
/// four languages, matched as the catalog matches them, first ignoring case only, then ignoring accents and
/// punctuation too. A header matching the labels of several languages (Indicador), or a code, carries no language.
/// </summary>
internal sealed class TestColumnResolver : IColumnResolver
{
    private static readonly string[] Codes =
        [ReturnColumn.Indicator, ReturnColumn.Value, ReturnColumn.Note, ReturnColumn.Country, ReturnColumn.Year, ReturnColumn.Flag, ReturnColumn.Unit,
         "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE"];

    private static readonly (string Label, string Column, Language Language)[] Labels =
    [
        ("Indicator", ReturnColumn.Indicator, Language.En),
        ("Indicador", ReturnColumn.Indicator, Language.Es),
        ("Indicador", ReturnColumn.Indicator, Language.Pt),
        ("Indicateur", ReturnColumn.Indicator, Language.Fr),
        ("Value", ReturnColumn.Value, Language.En),
        ("Valor", ReturnColumn.Value, Language.Es),
        ("Valor", ReturnColumn.Value, Language.Pt),
        ("Valeur", ReturnColumn.Value, Language.Fr),
        ("Sex", "SEX", Language.En),
        ("Sexo", "SEX", Language.Es),
        ("Sexo", "SEX", Language.Pt),
        ("Sexe", "SEX", Language.Fr),
        ("Age", "AGE", Language.En),
        ("Edad", "AGE", Language.Es),
        ("Idade", "AGE", Language.Pt),
        ("Âge", "AGE", Language.Fr),
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
        ("Note", ReturnColumn.Note, Language.En),
        ("Nota", ReturnColumn.Note, Language.Es),
        ("Nota", ReturnColumn.Note, Language.Pt),
        ("Note", ReturnColumn.Note, Language.Fr),
        ("Country", ReturnColumn.Country, Language.En),
        ("País", ReturnColumn.Country, Language.Es),
        ("País", ReturnColumn.Country, Language.Pt),
        ("Pays", ReturnColumn.Country, Language.Fr),
        ("Year", ReturnColumn.Year, Language.En),
        ("Año", ReturnColumn.Year, Language.Es),
        ("Ano", ReturnColumn.Year, Language.Pt),
        ("Année", ReturnColumn.Year, Language.Fr),
        ("Flag", ReturnColumn.Flag, Language.En),
        ("Unit", ReturnColumn.Unit, Language.En),
        ("Unidad", ReturnColumn.Unit, Language.Es),
    ];

    public static TestColumnResolver Instance { get; } = new();

    public bool TryResolve(string header, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string column, out Language? language)
    {
        var trimmed = header.Trim();
        var code = Codes.FirstOrDefault(c => trimmed == c || trimmed == c.ToUpperInvariant());
        if (code is not null)
        {
            (column, language) = (code, null);
            return true;
        }
        var matches = Labels.Where(l => string.Equals(l.Label, trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
            matches = Labels.Where(l => TextKey.Fold(l.Label) == TextKey.Fold(trimmed)).ToList();
        if (matches.Count == 0)
        {
            (column, language) = (string.Empty, null);
            return false;
        }
        column = matches[0].Column;
        var languages = matches.Select(m => m.Language).Distinct().ToList();
        language = languages.Count == 1 ? languages[0] : null;
        return true;
    }
}
