namespace CallCenter.Sip.Transport;

/// <summary>The outcome of <see cref="SipStreamFramer.TryFrame"/>.</summary>
public readonly struct FrameResult : IEquatable<FrameResult>
{
    private FrameResult(FrameKind kind, int length, string? reason)
    {
        Kind = kind;
        Length = length;
        Reason = reason;
    }

    /// <summary>Not enough bytes yet.</summary>
    public static FrameResult NeedMore => default;

    /// <summary>What was found.</summary>
    public FrameKind Kind { get; }

    /// <summary>Bytes to take from the start of the buffer (message or keep-alive); 0 otherwise.</summary>
    public int Length { get; }

    /// <summary>Why the stream is invalid; null otherwise.</summary>
    public string? Reason { get; }

    /// <summary>A whole message of <paramref name="length"/> bytes.</summary>
    public static FrameResult Message(int length) => new(FrameKind.Message, length, null);

    /// <summary><paramref name="length"/> leading line-break bytes to skip.</summary>
    public static FrameResult KeepAlive(int length) => new(FrameKind.KeepAlive, length, null);

    /// <summary>The stream cannot be framed.</summary>
    public static FrameResult Invalid(string reason) => new(FrameKind.Invalid, 0, reason);

    public bool Equals(FrameResult other) =>
        Kind == other.Kind && Length == other.Length && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FrameResult other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Length, Reason);

    public override string ToString() => Kind switch
    {
        FrameKind.Message or FrameKind.KeepAlive => $"{Kind}({Length})",
        FrameKind.Invalid => $"Invalid({Reason})",
        _ => "NeedMore",
    };

    public static bool operator ==(FrameResult left, FrameResult right) => left.Equals(right);

    public static bool operator !=(FrameResult left, FrameResult right) => !left.Equals(right);
}
