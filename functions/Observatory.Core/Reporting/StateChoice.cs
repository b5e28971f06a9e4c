using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reporting;

/// <summary>Why a caller cannot act for the state it named.</summary>
public enum StateRefusal
{
    /// <summary>No state was named and the caller has none of its own, or the name is no member state (400).</summary>
    Invalid,
    /// <summary>A focal point named another state than its own (403).</summary>
    Forbidden,
}

/// <summary>The state a caller acts for, or why it cannot, with a message for the caller.</summary>
/// <param name="State">The state, when the caller may act for it.</param>
/// <param name="Refusal">Why not, when it may not.</param>
/// <param name="Detail">The message of the refusal.</param>
public readonly record struct StateChoice(MemberState? State, StateRefusal? Refusal, string? Detail);
