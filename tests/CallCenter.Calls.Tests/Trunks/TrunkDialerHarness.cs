using System.Net;
using CallCenter.Auth;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Sip;
using CallCenter.Calls.Tests.Sip.Support;
using CallCenter.Calls.Trunks;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using CallCenter.Telephony;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Trunks;

/// <summary>
/// A trunk dialer over the real SIP stack on loopback and a fake clock; the provider is a <see cref="SipPeer"/> the test
/// plays message by message. Dialogs that end are handed to the leg dialer as the call manager does.
/// </summary>
internal sealed class TrunkDialerHarness : IAsyncDisposable, IInviteHandler
{
    public const string Username = "trunkuser";
    public const string Password = "s3cret";

    private readonly List<AgentLegEvent> _events = [];
    private readonly SipAgentDialer _legs;

    private TrunkDialerHarness(string? prefix, bool resolved)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var stackOptions = new SipStackOptions { ProductName = "CallCenter-Test" };
        stackOptions.Transport.ListenEndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        Stack = new SipStack(stackOptions, NullLoggerFactory.Instance, Time);
        var registrarOptions = new RegistrarOptions();
        Bindings = new BindingStore(registrarOptions, Time);
        Core = new UserAgentCore(
            Stack,
            new RequestAuthenticator(new DigestServer(new DigestServerOptions { Realm = "callcenter.test" }, Time), new NoUsers()),
            new RegistrarService(Bindings, registrarOptions, Time),
            NullLogger<UserAgentCore>.Instance)
        {
            InviteHandler = this,
        };
        Core.AttachTo(Stack);
        _legs = new SipAgentDialer(Core);
        Prefix = prefix;
        Resolved = resolved;
    }

    public FakeTimeProvider Time { get; }

    public SipStack Stack { get; }

    public UserAgentCore Core { get; }

    public BindingStore Bindings { get; }

    public SipPeer Provider { get; private set; } = null!;

    public SipTrunkDialer Dialer { get; private set; } = null!;

    public string? Prefix { get; }

    public bool Resolved { get; }

    /// <summary>The leg's events so far, in order.</summary>
    public IReadOnlyList<AgentLegEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public static async Task<TrunkDialerHarness> StartAsync(string? prefix = null, bool resolved = true)
    {
        var harness = new TrunkDialerHarness(prefix, resolved);
        await harness.Stack.StartAsync(CancellationToken.None);
        harness.Provider = new SipPeer(harness.Stack.UdpEndPoints[0], "provider");
        var destination = new SipRemote(SipTransportKind.Udp, harness.Provider.EndPoint);
        var plan = new TrunkDialPlan(
            "carrier",
            "provider.test",
            5060,
            resolved ? destination : null,
            "+6328881234",
            "Call Center",
            "PH",
            prefix,
            new UacCredentials(Username, DigestSecret.FromPassword(Password), null));
        harness.Dialer = new SipTrunkDialer(harness._legs, plan, new PhoneNumberNormalizer(), NullLogger.Instance);
        return harness;
    }

    /// <summary>Dials <paramref name="number"/>, recording the leg's events.</summary>
    public IAgentLeg Dial(string number) => Dialer.Dial(number, "v=0\r\n", Record);

    /// <summary>Waits (bounded) until an event of type <typeparamref name="T"/> was recorded.</summary>
    public async Task<T> EventAsync<T>()
        where T : AgentLegEvent
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Events.OfType<T>().FirstOrDefault() is { } found)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} event; got: {string.Join(", ", Events)}");
    }

    public void OnInvite(ServerTransaction invite, string? caller) => invite.Respond(invite.CreateResponse(404));

    public void OnCancelled(ServerTransaction invite)
    {
    }

    public void OnAck(Dialog dialog, SipRequest ack)
    {
    }

    public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction) => transaction.Respond(transaction.CreateResponse(200));

    public void OnDialogEnded(Dialog dialog, string reason) => _legs.OnDialogEnded(dialog, reason);

    public async ValueTask DisposeAsync()
    {
        Provider?.Dispose();
        await Stack.DisposeAsync();
        Bindings.Dispose();
    }

    private void Record(AgentLegEvent e)
    {
        lock (_events)
        {
            _events.Add(e);
        }
    }

    private sealed class NoUsers : ISipCredentialStore
    {
        public DigestSecret? Find(string username) => null;
    }
}
