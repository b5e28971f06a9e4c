using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;
using Observatory.Storage;

namespace Observatory.Functions.Submissions;

/// <summary>
/// Queue trigger on the poison queue: a submission whose processing failed host.json's maxDequeueCount times
/// becomes failed, with the last reason, so that every acknowledged upload ends in a final state.
/// </summary>
public sealed class FailPoisonedSubmission
{
    private readonly SubmissionProcessor _processor;

    /// <summary>Creates the function.</summary>
    public FailPoisonedSubmission(SubmissionProcessor processor) => _processor = processor;

    /// <summary>Marks the submission named in the message failed.</summary>
    [Function(nameof(FailPoisonedSubmission))]
    public Task Run(
        [QueueTrigger(StorageNames.SubmissionsPoisonQueue, Connection = StorageConnection.DefaultName)] string message,
        CancellationToken cancellationToken) =>
        _processor.MarkFailedAsync(SubmissionMessage.Parse(message), cancellationToken);
}
