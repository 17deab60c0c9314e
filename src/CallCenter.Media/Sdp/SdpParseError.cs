namespace CallCenter.Media.Sdp;

/// <summary>Why a session description was refused, and on which line.</summary>
/// <param name="LineNumber">1-based line number; the line after the last one for something missing at the end.</param>
/// <param name="Message">What is wrong, for logs and Warning headers.</param>
public sealed record SdpParseError(int LineNumber, string Message)
{
    /// <summary>"line 5: …".</summary>
    public override string ToString() => $"line {LineNumber}: {Message}";
}

/// <summary>The outcome of parsing: the description, or the error that stopped it.</summary>
/// <param name="Description">The description; null on error.</param>
/// <param name="Error">The error; null on success.</param>
public readonly record struct SdpParseResult(SessionDescription? Description, SdpParseError? Error)
{
    /// <summary>True when a description was read.</summary>
    public bool Success => Description is not null;
}
