namespace CallCenter.Calls;

/// <summary>States of an inbound call (the walking skeleton: greeting, press 1, ring an agent, talk).</summary>
public enum CallState
{
    /// <summary>INVITE received, media being negotiated.</summary>
    Offered,

    /// <summary>200 OK sent, waiting for the ACK.</summary>
    Answering,

    /// <summary>Playing the greeting that asks for a key.</summary>
    Greeting,

    /// <summary>Greeting played, waiting for the key.</summary>
    WaitingForChoice,

    /// <summary>An agent's phone is being rung; the caller hears ringback.</summary>
    RingingAgent,

    /// <summary>Caller and agent talk; audio is relayed both ways.</summary>
    Connected,

    /// <summary>Telling the caller why the call ends, then hanging up.</summary>
    Releasing,

    /// <summary>Over; every resource released.</summary>
    Ended,
}

/// <summary>Events that move a call.</summary>
public enum CallTrigger
{
    Acked,
    PromptFinished,
    Digit,
    ChoiceTimeout,
    NoAgent,
    AgentRinging,
    AgentAnswered,
    AgentFailed,
    RingTimeout,
    CallerHungUp,
    AgentHungUp,
    MediaInactive,
    Refused,
    Release,
}
