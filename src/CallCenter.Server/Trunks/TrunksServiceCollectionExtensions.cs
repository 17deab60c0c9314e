using CallCenter.Calls;
using CallCenter.Calls.Trunks;
using CallCenter.Config;
using CallCenter.Sip.Core;
using CallCenter.Sip.Transactions;
using CallCenter.Telephony;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Server.Trunks;

/// <summary>
/// Wires the trunks: registration with the providers that want it (and its metric), trust for the providers'
/// addresses, and the <see cref="ITrunkDialer"/> of the callbacks' trunk.
/// </summary>
public static class TrunksServiceCollectionExtensions
{
    /// <summary>Longest wait for the provider's host name to resolve when the dialer is created.</summary>
    private static readonly TimeSpan ResolveLimit = TimeSpan.FromSeconds(5);

    /// <summary>Adds the services; call after the SIP hosted service is added, so registrations start after it and stop before it.</summary>
    public static IServiceCollection AddTrunks(this IServiceCollection services, CallCenterConfig config)
    {
        services.AddSingleton<TrunkRegistrations>();
        services.AddSingleton<TrunkMetrics>();
        services.AddHostedService<TrunkRegistrationService>();
        services.TryAddSingleton(new PhoneNumberNormalizer());
        if (config.Callbacks is { } callbacks && config.TrunksByName.TryGetValue(callbacks.Trunk, out var trunk))
        {
            services.AddSingleton<ITrunkDialer>(sp => CreateDialer(sp, trunk, callbacks.FromName));
        }

        return services;
    }

    /// <summary>
    /// Trusts the trunks' addresses (their INVITEs need no credentials, and their P-Asserted-Identity is believed) and
    /// registers the metric. Call once the host is built, before it starts.
    /// </summary>
    public static void UseTrunks(this IServiceProvider services)
    {
        var config = services.GetRequiredService<CallCenterConfig>();
        var core = services.GetRequiredService<UserAgentCore>();
        core.TrustedSources = new TrustedSources(config.Trunks.SelectMany(trunk => trunk.Addresses.Select(network => (trunk.Name, network))));
        services.GetRequiredService<TrunkMetrics>().Register();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrunksServiceCollectionExtensions));
        foreach (var trunk in config.Trunks)
        {
            logger.LogInformation(
                "{Trunk}: calls from {Addresses} accepted without credentials; {Registration}",
                trunk,
                trunk.Addresses.Count == 0 ? "no address" : string.Join(", ", trunk.Addresses),
                trunk.Register is null ? "no registration" : "registering as " + trunk.Register.Username);
        }
    }

    private static SipTrunkDialer CreateDialer(IServiceProvider services, TrunkConfig trunk, string fromName)
    {
        var logger = services.GetRequiredService<ILogger<SipTrunkDialer>>();
        System.Net.IPAddress? address;
        using (var limit = new CancellationTokenSource(ResolveLimit))
        {
            try
            {
                address = SipHostResolver.ResolveAsync(trunk.Host, limit.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                address = null;
            }
        }

        if (address is null)
        {
            logger.LogError("{Trunk}: cannot resolve {Host}; callbacks through it will fail", trunk, trunk.Host);
        }

        var destination = address is null ? (SipRemote?)null : new SipRemote(TrunkDialPlan.TransportOf(trunk), new System.Net.IPEndPoint(address, trunk.Port));
        return new SipTrunkDialer(
            services.GetRequiredService<CallManager>(),
            TrunkDialPlan.From(trunk, fromName, destination),
            services.GetRequiredService<PhoneNumberNormalizer>(),
            logger);
    }
}
