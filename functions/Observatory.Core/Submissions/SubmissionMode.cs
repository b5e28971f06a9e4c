namespace Observatory.Core.Submissions;

/// <summary>How an accepted submission changes the state-year's current data.</summary>
public enum SubmissionMode
{
    /// <summary>The submission is the state-year's whole data: cells it lacks are gone from the new version.</summary>
    Replace,
    /// <summary>The submission changes only the cells it contains; every other current cell is kept.</summary>
    Amend,
}
