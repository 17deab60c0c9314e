using Microsoft.Extensions.Logging;

namespace CallCenter.Media.Dtmf;

/// <summary>Log messages of the DTMF components (source-generated, no allocation when disabled).</summary>
internal static partial class DtmfLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug,
        Message = "RFC 4733 digit {Digit} first seen without its start packet (SSRC {Ssrc:x8}, seq {Sequence}, timestamp {Timestamp})")]
    public static partial void StartLost(ILogger logger, char digit, uint ssrc, ushort sequence, uint timestamp);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug,
        Message = "RFC 4733 digit {Digit} closed without an end packet (SSRC {Ssrc:x8}, timestamp {Timestamp}): {Reason}")]
    public static partial void EndMissing(ILogger logger, char digit, uint ssrc, uint timestamp, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug,
        Message = "Malformed RFC 4733 payload (SSRC {Ssrc:x8}, seq {Sequence}): {Error}")]
    public static partial void Malformed(ILogger logger, uint ssrc, ushort sequence, string error);
}
