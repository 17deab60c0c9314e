namespace CallCenter.Sip.Core;

/// <summary>Where an outbound registration stands.</summary>
public enum OutboundRegistrationState
{
    /// <summary>Not started yet.</summary>
    Idle,

    /// <summary>The first REGISTER is on its way.</summary>
    Registering,

    /// <summary>The registrar accepted our binding; it is refreshed before it expires.</summary>
    Registered,

    /// <summary>The last attempt failed; another follows after a back-off.</summary>
    Failing,

    /// <summary>Stopped (and un-registered when we were registered).</summary>
    Stopped,
}
