using System.Diagnostics.CodeAnalysis;
using Observatory.Core.Languages;

namespace Observatory.Core.Reading;

/// <summary>
/// Recognises the header of a column as a person writes it ("Forma de explotación", "Sex", "SEXE")
/// and tells which column of a return it names.
/// </summary>
public interface IColumnResolver
{
    /// <summary>Resolves <paramref name="header"/> to a known column.</summary>
    /// <param name="header">The header cell's text as written.</param>
    /// <param name="column">The <see cref="ReferenceData.ReturnColumn"/> constant or dimension id the header names.</param>
    /// <param name="language">
    /// The language the header is written in, when it settles one: null for a code ("SEX") or a label written the
    /// same in several languages ("Indicador" is Spanish and Portuguese).
    /// </param>
    /// <returns>True when the header names a known column.</returns>
    bool TryResolve(string header, [MaybeNullWhen(false)] out string column, out Language? language);
}
