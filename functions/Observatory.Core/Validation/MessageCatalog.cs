using Observatory.Core.Languages;

namespace Observatory.Core.Validation;

/// <summary>
/// Every message the pipeline shows a focal point, in the four languages, from one data file
/// (ReferenceData/Data/messages.v1.json). Messages are composite format strings ({0}, {1}, …).
/// </summary>
public sealed class MessageCatalog
{
    /// <summary>The catalog shipped with this build, loaded on first use.</summary>
    public static MessageCatalog Default => throw new NotImplementedException();

    /// <summary>Every message key.</summary>
    public IReadOnlyCollection<string> Keys => throw new NotImplementedException();

    /// <summary>Renders <paramref name="key"/> in <paramref name="language"/> with <paramref name="arguments"/>.</summary>
    public string Render(string key, Language language, IReadOnlyList<string> arguments) => throw new NotImplementedException();

    /// <summary>Renders a problem's message in <paramref name="language"/>.</summary>
    public string Render(Problem problem, Language language) => Render(problem.MessageKey, language, problem.Arguments);
}
