using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;
using Observatory.Storage;

namespace Observatory.Functions.Submissions;

/// <summary>Queue trigger: validates and stores a received submission. A failure throws, so the queue retries.</summary>
public sealed class ProcessSubmission
{
    private readonly SubmissionProcessor _processor;

    /// <summary>Creates the function.</summary>
    public ProcessSubmission(SubmissionProcessor processor) => _processor = processor;

    /// <summary>Processes the submission named in the message.</summary>
    [Function(nameof(ProcessSubmission))]
    public Task Run(
        [QueueTrigger(StorageNames.SubmissionsQueue, Connection = StorageConnection.DefaultName)] string message,
        CancellationToken cancellationToken) =>
        _processor.ProcessAsync(SubmissionMessage.Parse(message), cancellationToken);
}
