using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Transactions;

/// <summary>Log entries of the transaction layer (source-generated).</summary>
internal static partial class TransactionLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Transaction user callback {Callback} threw for {Kind} transaction {Branch}")]
    public static partial void UserCallbackFailed(ILogger logger, Exception exception, string callback, TransactionKind kind, string branch);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Transaction user callback {Callback} threw")]
    public static partial void LayerCallbackFailed(ILogger logger, Exception exception, string callback);

    [LoggerMessage(EventId = 110, Level = LogLevel.Debug, Message = "{Kind} transaction {Branch}: transport error sending to {Destination}")]
    public static partial void TransportError(ILogger logger, TransactionKind kind, string branch, SipRemote destination);

    [LoggerMessage(EventId = 113, Level = LogLevel.Debug, Message = "Completed non-INVITE transaction: transport error re-sending its {Status} to {Destination}; transaction ended")]
    public static partial void CompletedTransportError(ILogger logger, int status, SipRemote destination);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Message sender threw while sending to {Destination}; treated as a transport error")]
    public static partial void SenderThrew(ILogger logger, Exception exception, SipRemote destination);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug, Message = "{Kind} transaction {Branch} timed out ({Timer})")]
    public static partial void TimedOut(ILogger logger, TransactionKind kind, string branch, string timer);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Merged {Method} from {Source} (Call-ID {CallId}) answered 482 Loop Detected")]
    public static partial void MergedRequest(ILogger logger, string method, SipRemote source, string? callId);

    [LoggerMessage(EventId = 121, Level = LogLevel.Debug, Message = "CANCEL from {Source} (Call-ID {CallId}) matched no transaction; answered 481")]
    public static partial void UnmatchedCancel(ILogger logger, SipRemote source, string? callId);

    [LoggerMessage(EventId = 122, Level = LogLevel.Debug, Message = "{Method} from {Source} answered 503: the transaction layer is stopping")]
    public static partial void RejectedWhileStopping(ILogger logger, string method, SipRemote source);

    [LoggerMessage(EventId = 123, Level = LogLevel.Debug, Message = "Stateless {Status} to {Destination} could not be sent")]
    public static partial void StatelessSendFailed(ILogger logger, int status, SipRemote destination);

    [LoggerMessage(EventId = 124, Level = LogLevel.Warning, Message = "Dropped a {Method} from {Source} without a usable top Via or CSeq")]
    public static partial void UnusableRequest(ILogger logger, string method, SipRemote source);

    [LoggerMessage(EventId = 125, Level = LogLevel.Debug, Message = "Response {Status} from {Source} matched no client transaction")]
    public static partial void StrayResponse(ILogger logger, int status, SipRemote source);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Transaction layer stopping: new requests are answered 503; {Live} transactions live")]
    public static partial void Stopping(ILogger logger, int live);

    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Transaction layer drained: no live transactions")]
    public static partial void Drained(ILogger logger);
}
