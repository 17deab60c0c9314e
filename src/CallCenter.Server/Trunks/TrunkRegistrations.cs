using CallCenter.Calls.Trunks;
using CallCenter.Config;
using CallCenter.Sip.Core;

namespace CallCenter.Server.Trunks;

/// <summary>One <see cref="OutboundRegistration"/> per trunk that has a <c>register:</c> section.</summary>
public sealed class TrunkRegistrations
{
    /// <summary>Creates the registrations (nothing is sent until they are started).</summary>
    public TrunkRegistrations(CallCenterConfig config, UserAgentCore core, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<OutboundRegistration>();
        All = config.Trunks
            .Where(trunk => trunk.Register is not null)
            .Select(trunk => new OutboundRegistration(core, OptionsFor(trunk), time, logger))
            .ToArray();
    }

    /// <summary>The registrations, in the configuration file's order.</summary>
    public IReadOnlyList<OutboundRegistration> All { get; }

    /// <summary>The registration settings of <paramref name="trunk"/> (which must have a <c>register:</c> section).</summary>
    public static OutboundRegistrationOptions OptionsFor(TrunkConfig trunk)
    {
        var register = trunk.Register ?? throw new ArgumentException($"{trunk} does not register", nameof(trunk));
        return new OutboundRegistrationOptions
        {
            Name = trunk.Name,
            Host = trunk.Host,
            Port = trunk.Port,
            Transport = TrunkDialPlan.TransportOf(trunk),
            Credentials = TrunkCredentials.Of(trunk)!,
            Expires = register.Expires,
        };
    }
}
