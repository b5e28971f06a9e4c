namespace Observatory.Core.Ports;

/// <summary>The queue that carries submissions to processing.</summary>
public interface IWorkQueue
{
    /// <summary>Asks for the submission to be processed.</summary>
    Task EnqueueSubmissionAsync(string submissionId, CancellationToken cancellationToken);
}
