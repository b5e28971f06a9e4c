using Observatory.Core.Languages;
using Observatory.Core.Validation;

namespace Observatory.Core.Templates;

/// <summary>The template's own wording, from the "template.*" messages of the <see cref="MessageCatalog"/>.</summary>
internal sealed class TemplateTexts(MessageCatalog messages, Language language)
{
    public Language Language => language;

    /// <summary>The text of "template.<paramref name="key"/>" with its arguments.</summary>
    public string Get(string key, params string[] arguments) => messages.Render("template." + key, language, arguments);
}
