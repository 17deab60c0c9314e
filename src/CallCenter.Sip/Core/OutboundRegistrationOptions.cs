using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Core;

/// <summary>How we register with a provider as a UAC (RFC 3261 §10.2).</summary>
public sealed record OutboundRegistrationOptions
{
    /// <summary>Name for logs and metrics (the trunk's name).</summary>
    public required string Name { get; init; }

    /// <summary>The registrar's host (name or IP address); also the domain of our address-of-record (§10.2: To is sip:user@domain).</summary>
    public required string Host { get; init; }

    /// <summary>The registrar's port.</summary>
    public int Port { get; init; } = 5060;

    /// <summary>UDP or TCP.</summary>
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    /// <summary>The user name and secret the provider issued; the user name is also our address-of-record's user.</summary>
    public required UacCredentials Credentials { get; init; }

    /// <summary>The registration lifetime we ask for (Expires, §10.2.1.1); the registrar may grant less, or ask for more (423).</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Wait after the first failure; doubles with each further one (RFC 5626 §4.5 backs off the same way).</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts however many have failed.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Longest lifetime we accept to raise our request to on a 423 (§10.3 step 7 / §21.4.17: Min-Expires); a registrar
    /// demanding more is treated as a failure rather than holding a binding for days.
    /// </summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromDays(1);
}
