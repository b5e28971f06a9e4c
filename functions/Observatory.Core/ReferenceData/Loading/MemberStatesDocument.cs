namespace Observatory.Core.ReferenceData.Loading;

/// <summary>The shape of member-states.v&lt;N&gt;.json; see ReferenceData/Data/README.md.</summary>
internal sealed class MemberStatesDocument
{
    public required string Version { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<MemberStateDocument> States { get; init; }
}

/// <summary>One member state.</summary>
internal sealed class MemberStateDocument
{
    public required string Iso3 { get; init; }
    public required string Iso2 { get; init; }
    public required string M49 { get; init; }
    public required LocalizedTextDocument Name { get; init; }
    public required string Language { get; init; }
    public IReadOnlyList<string> OtherLanguages { get; set; } = [];
    public AliasesDocument Aliases { get; set; } = new();
    public required IReadOnlyList<ParticipationDocument> Participation { get; init; }
    public string? Note { get; init; }
}

/// <summary>One participation period; <see cref="Until"/> is null while it lasts.</summary>
internal sealed class ParticipationDocument
{
    public required DateOnly From { get; init; }
    public DateOnly? Until { get; init; }
    public string? Note { get; init; }
}
