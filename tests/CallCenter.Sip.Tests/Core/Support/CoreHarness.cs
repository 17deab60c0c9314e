using System.Net;
using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Stack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Core.Support;

/// <summary>
/// The UA core as the server composes it — real stack on 127.0.0.1 (ephemeral UDP port), real transaction layer,
/// real digest server and registrar — over a fake clock, so every timer runs only when a test advances it.
/// </summary>
internal sealed class CoreHarness : IAsyncDisposable
{
    public const string Domain = "callcenter.test";

    /// <summary>The agents: extension → password.</summary>
    public static readonly IReadOnlyDictionary<string, string> Agents = new Dictionary<string, string>
    {
        ["1001"] = "s3cret-1001",
        ["1002"] = "s3cret-1002",
    };

    private readonly List<IDisposable> _phones = [];
    private readonly List<string> _authOutcomes = [];

    private CoreHarness(UasCapabilities capabilities, RegistrarOptions registrarOptions)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var options = new SipStackOptions { ProductName = "CallCenter-Test" };
        options.Transport.ListenEndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        Stack = new SipStack(options, NullLoggerFactory.Instance, Time);
        Digest = new DigestServer(new DigestServerOptions { Realm = Domain }, Time);
        Bindings = new BindingStore(registrarOptions, Time);
        var registrar = new RegistrarService(Bindings, registrarOptions, Time);
        Core = new UserAgentCore(Stack, new RequestAuthenticator(Digest, new Credentials()), registrar, NullLogger<UserAgentCore>.Instance)
        {
            Capabilities = capabilities,
        };
        Core.Authenticated += outcome =>
        {
            lock (_authOutcomes)
            {
                _authOutcomes.Add(outcome);
            }
        };
        Core.AttachTo(Stack);
    }

    public FakeTimeProvider Time { get; }

    public SipStack Stack { get; }

    public UserAgentCore Core { get; }

    public DigestServer Digest { get; }

    public BindingStore Bindings { get; }

    public IPEndPoint ServerEndPoint => Stack.UdpEndPoints[0];

    public IReadOnlyList<string> AuthOutcomes
    {
        get
        {
            lock (_authOutcomes)
            {
                return [.. _authOutcomes];
            }
        }
    }

    public static async Task<CoreHarness> StartAsync(UasCapabilities? capabilities = null, RegistrarOptions? registrar = null)
    {
        var harness = new CoreHarness(capabilities ?? UasCapabilities.Default, registrar ?? new RegistrarOptions());
        await harness.Stack.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A softphone of a configured agent, closed with the harness.</summary>
    public Softphone NewPhone(string user = "1001", string? password = null)
    {
        var phone = new Softphone(ServerEndPoint, user, password ?? Agents.GetValueOrDefault(user, "no-such-user"));
        _phones.Add(phone);
        return phone;
    }

    /// <summary>A bare socket (for raw bytes), closed with the harness.</summary>
    public TestPhone NewSocket()
    {
        var phone = new TestPhone(ServerEndPoint);
        _phones.Add(phone);
        return phone;
    }

    /// <summary>Advances the fake clock in 10 ms steps, so each timer fires at its own instant, in order.</summary>
    public void RunFor(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        while (Time.GetUtcNow() < end)
        {
            var step = end - Time.GetUtcNow();
            Time.Advance(step < TimeSpan.FromMilliseconds(10) ? step : TimeSpan.FromMilliseconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var phone in _phones)
        {
            phone.Dispose();
        }

        await Stack.DisposeAsync();
        Bindings.Dispose();
    }

    private sealed class Credentials : ISipCredentialStore
    {
        public DigestSecret? Find(string username) =>
            Agents.TryGetValue(username, out var password) ? DigestSecret.FromPassword(password) : null;
    }
}
