using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Observatory.LocalHost.Queues;

/// <summary>
/// Decodes a message received as raw text according to host.json's messageEncoding (Base64 by default), so that the
/// function sees the text or bytes that were sent.
/// </summary>
internal static class QueueMessageDecoder
{
    /// <summary>The message with its body decoded, or null when the text is not valid for the encoding.</summary>
    public static QueueMessage? TryDecode(QueueMessage raw, QueueMessageEncoding encoding)
    {
        BinaryData body;
        if (encoding == QueueMessageEncoding.Base64)
        {
            var text = raw.Body.ToString();
            var bytes = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, bytes, out var length))
                return null;
            body = BinaryData.FromBytes(bytes.AsMemory(0, length));
        }
        else
        {
            body = raw.Body;
        }
        return QueuesModelFactory.QueueMessage(raw.MessageId, raw.PopReceipt, body, raw.DequeueCount, raw.NextVisibleOn, raw.InsertedOn, raw.ExpiresOn);
    }
}
