using Observatory.Core.Security;
using Observatory.Core.Submissions;

namespace Observatory.Core.Tests.Security;

public class CallerTests
{
    [Fact]
    public void A_focal_point_acts_for_its_own_state_only_and_staff_for_all()
    {
        var mexico = Caller.FocalPoint("MEX", "key:1");
        Assert.True(mexico.CanActFor("MEX"));
        Assert.False(mexico.CanActFor("ARG"));
        Assert.True(Caller.Admin().CanActFor("ARG"));
    }

    [Fact]
    public void Submission_ids_carry_their_state_and_year_and_reject_anything_else()
    {
        var id = SubmissionId.New("MEX", 2025, new DateTimeOffset(2026, 2, 14, 9, 30, 0, TimeSpan.Zero));
        Assert.StartsWith("MEX-2025-20260214T093000000Z-", id, StringComparison.Ordinal);
        Assert.True(SubmissionId.TryParse(id, out var country, out var year));
        Assert.Equal(("MEX", 2025), (country, year));
        Assert.False(SubmissionId.TryParse("mex-2025-20260214T093000000Z-abcdef12", out _, out _));
        Assert.False(SubmissionId.TryParse("MEX-2025-x/../y-abcdef12", out _, out _));
        Assert.False(SubmissionId.TryParse("MEX-2025", out _, out _));
    }
}
