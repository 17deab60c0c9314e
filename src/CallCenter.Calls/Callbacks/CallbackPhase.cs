namespace CallCenter.Calls.Callbacks;

/// <summary>Where one try of a callback is.</summary>
public enum CallbackPhase
{
    /// <summary>Waiting in routing for an agent, in the caller's original place.</summary>
    Waiting,

    /// <summary>Routing reserved an agent, whose phone rings.</summary>
    RingingAgent,

    /// <summary>The agent answered and hears the whisper ("callback for" and the number); the customer is dialled once it is said.</summary>
    Whispering,

    /// <summary>The agent heard the whisper and hears ringback; the customer's phone is being rung through the trunk.</summary>
    DiallingCustomer,

    /// <summary>The customer answered and hears the greeting; the agent waits.</summary>
    Greeting,

    /// <summary>Customer and agent talk.</summary>
    Connected,

    /// <summary>The customer could not be reached; the agent hears so before their call ends.</summary>
    InformingAgent,

    /// <summary>Over; everything released.</summary>
    Ended,
}
