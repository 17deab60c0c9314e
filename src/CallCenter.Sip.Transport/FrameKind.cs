namespace CallCenter.Sip.Transport;

/// <summary>What <see cref="SipStreamFramer.TryFrame"/> found at the start of a stream buffer.</summary>
public enum FrameKind
{
    /// <summary>No complete message yet; nothing was consumed. Read more bytes and call again.</summary>
    NeedMore,

    /// <summary>A whole SIP message of <see cref="FrameResult.Length"/> bytes (headers and body) starts the buffer.</summary>
    Message,

    /// <summary>
    /// The buffer starts with <see cref="FrameResult.Length"/> line-break bytes (CR/LF) that precede any start line:
    /// keep-alives (RFC 5626 §3.5.1) or stray CRLFs (RFC 3261 §7.5). Skip them.
    /// </summary>
    KeepAlive,

    /// <summary>The stream cannot be framed (<see cref="FrameResult.Reason"/> says why); it cannot be resynchronised.</summary>
    Invalid,
}
