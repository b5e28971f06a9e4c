using System.Text.RegularExpressions;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Architecture;

/// <summary>
/// The core's namespaces depend one way: reading a file knows nothing of validating it, so a reader can be fuzzed,
/// benchmarked and replaced alone. Read from the sources, since a namespace is named there by a using directive or a
/// qualified name before the compiler resolves it.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private static readonly string CoreSources = Path.Combine(RepositoryFiles.Root, "functions", "Observatory.Core");

    [Theory]
    [InlineData("Reading", "Validation")]
    [InlineData("Reading", "Reports")]
    [InlineData("Problems", "Reading")]
    [InlineData("Problems", "Validation")]
    public void A_namespace_does_not_name_one_that_depends_on_it(string folder, string forbidden)
    {
        var files = Directory.EnumerateFiles(Path.Combine(CoreSources, folder), "*.cs", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);

        var offenders = files
            .Where(file => NamesNamespace(File.ReadAllText(file), forbidden))
            .Select(file => Path.GetRelativePath(CoreSources, file))
            .ToList();

        Assert.True(offenders.Count == 0, $"Observatory.Core.{folder} names Observatory.Core.{forbidden} in: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_check_finds_a_using_directive_and_a_qualified_name()
    {
        Assert.True(NamesNamespace("using Observatory.Core.Validation;\n", "Validation"));
        Assert.True(NamesNamespace("static Validation.Problem Describe() => null;", "Validation"));
        Assert.False(NamesNamespace("private const int ValidationBufferBytes = 65536;", "Validation"));
    }

    // "using Observatory.Core.X", "Observatory.Core.X.Type" or, inside Observatory.Core, "X.Type".
    private static bool NamesNamespace(string source, string name) =>
        Regex.IsMatch(source, $@"(?<![\w.])(Observatory\.Core\.)?{Regex.Escape(name)}\.[A-Z]\w*|using Observatory\.Core\.{Regex.Escape(name)}\s*;");
}
