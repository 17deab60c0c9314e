namespace CallCenter.Config;

/// <summary>What happens to a caller a queue cannot serve.</summary>
public enum QueueFallbackKind
{
    /// <summary>Offer to call the caller back, keeping their place (<c>callback</c>).</summary>
    Callback,

    /// <summary>Move the caller to another queue (<c>overflow:QUEUE</c>).</summary>
    Overflow,

    /// <summary>Play a message and end the call (<c>message</c>).</summary>
    Message,

    /// <summary>Keep waiting (<c>wait</c>; only when nobody is logged in).</summary>
    Wait,
}
