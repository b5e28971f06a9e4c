using Observatory.Core.ReferenceData;
using Observatory.Core.Text;

namespace Observatory.Core.Tests.ReferenceData;

public class ResolutionCostTests
{
    [Theory]
    [InlineData("SEX", "F")]
    [InlineData("SEX", "Femenino")]
    [InlineData("SEX", "  FÉMININ. ")]
    [InlineData("AGE", "12 à 17 ans")]
    [InlineData("AGE", "12–17")]
    [InlineData("EXPLOITATION", "Explotacion sexual")]
    [InlineData("EXPLOITATION", "no such form")]
    public void Resolving_a_code_allocates_nothing(string listId, string text)
    {
        var catalog = Shipped.Catalog;
        // Warm up so that first-call costs (JIT, static tables) are not counted.
        for (var i = 0; i < 100; i++) catalog.TryResolveCode(listId, text, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) catalog.TryResolveCode(listId, text, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("Mexique")]
    [InlineData("sao cristovao e nevis")]
    [InlineData("484")]
    public void Resolving_a_state_allocates_nothing(string text)
    {
        var states = Shipped.States;
        for (var i = 0; i < 100; i++) states.TryResolve(text, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) states.TryResolve(text, out _);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("Forma de Explotación:")]
    [InlineData("  12 à 17 ans ")]
    [InlineData("Haïti")]
    [InlineData("Saint-Kitts-et-Nevis")]
    [InlineData("ÉTATS-UNIS D'AMÉRIQUE")]
    [InlineData("Ñandú—Çà")]
    [InlineData("_T")]
    [InlineData("Việt Nam")]
    [InlineData("Ελλάδα")]
    [InlineData("한국")]
    [InlineData("e\u0301te\u00A0\u2126")]
    [InlineData("Straße Œuvre Ø Ł İ")]
    [InlineData("...")]
    [InlineData("")]
    public void Folding_into_a_buffer_gives_the_same_key_as_TextKey(string text)
    {
        Span<char> buffer = stackalloc char[text.Length * 3 + 1];

        Assert.True(TextKeyFolding.TryFold(text, buffer, out var written));
        Assert.Equal(TextKey.Fold(text), buffer[..written].ToString());
    }

    [Fact]
    public void Folding_reports_a_buffer_too_small_instead_of_cutting_the_key()
    {
        Span<char> buffer = stackalloc char[3];
        Assert.False(TextKeyFolding.TryFold("Haïti", buffer, out _));
    }

    [Fact]
    public void Long_text_is_resolved_too()
    {
        var longAlias = new string('x', 500);
        Assert.False(Shipped.Catalog.TryResolveCode("SEX", longAlias, out _));
        Assert.True(Shipped.Catalog.TryResolveCode("SEX", new string(' ', 300) + "Féminin" + new string('.', 300), out var code));
        Assert.Equal("F", code);
    }
}
