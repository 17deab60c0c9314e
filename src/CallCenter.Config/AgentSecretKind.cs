namespace CallCenter.Config;

/// <summary>How an agent's SIP digest credential is stored in the configuration.</summary>
public enum AgentSecretKind
{
    /// <summary>The clear-text password; HA1 is computed per realm when a challenge is answered.</summary>
    Password,

    /// <summary>
    /// A precomputed HA1 = MD5(username ":" realm ":" password) (RFC 2617 §3.2.2.2, kept by
    /// RFC 7616 §3.4.2), so the clear-text password never has to be stored. It is bound to one realm.
    /// </summary>
    Ha1,
}
