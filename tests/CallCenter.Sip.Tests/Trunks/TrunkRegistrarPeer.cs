using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>A provider's registrar on a loopback socket, and our registration to it over the harness's fake clock.</summary>
internal sealed class TrunkRegistrarPeer : IAsyncDisposable
{
    public const string Username = "trunkuser";
    public const string Password = "s3cret";
    public const string Realm = "provider.test";

    private TrunkRegistrarPeer(CoreHarness harness, TestPhone socket)
    {
        Harness = harness;
        Socket = socket;
        Registration = new OutboundRegistration(
            harness.Core,
            new OutboundRegistrationOptions
            {
                Name = "carrier",
                Host = "127.0.0.1",
                Port = socket.EndPoint.Port,
                Transport = SipTransportKind.Udp,
                Credentials = new UacCredentials(Username, DigestSecret.FromPassword(Password), null),
                Expires = TimeSpan.FromHours(1),
            },
            harness.Time,
            NullLogger.Instance);
    }

    public CoreHarness Harness { get; }

    public TestPhone Socket { get; }

    public OutboundRegistration Registration { get; }

    public DateTimeOffset Now => Harness.Time.GetUtcNow();

    public static async Task<TrunkRegistrarPeer> StartAsync()
    {
        var harness = await CoreHarness.StartAsync();
        return new TrunkRegistrarPeer(harness, harness.NewSocket());
    }

    public async Task<SipRequest> ReceiveRegisterAsync()
    {
        var request = await Socket.ReceiveRequestAsync();
        Assert.Equal(SipMethods.Register, request.Method);
        return request;
    }

    /// <summary>Answers <paramref name="request"/> with <paramref name="status"/> and the given header lines.</summary>
    public void Answer(SipRequest request, int status, params (string Name, string Value)[] headers)
    {
        var response = ResponseFactory.Create(request, status, toTag: "reg-tag");
        foreach (var (name, value) in headers)
        {
            response.Headers.Add(name, value);
        }

        Socket.Send(response);
    }

    /// <summary>Answers 200, granting <paramref name="seconds"/> to the Contact of <paramref name="request"/>.</summary>
    public void Grant(SipRequest request, int seconds) =>
        Answer(request, 200, ("Contact", $"{request.Headers[KnownHeader.Contact]};expires={seconds}"));

    /// <summary>Waits (bounded) for a status matching <paramref name="match"/>.</summary>
    public async Task<OutboundRegistrationStatus> StatusAsync(Func<OutboundRegistrationStatus, bool> match)
    {
        var reached = new TaskCompletionSource<OutboundRegistrationStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(OutboundRegistrationStatus status)
        {
            if (match(status))
            {
                reached.TrySetResult(status);
            }
        }

        Registration.StatusChanged += OnChange;
        try
        {
            OnChange(Registration.Status);
            return await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Registration.StatusChanged -= OnChange;
        }
    }

    /// <summary>Registers: REGISTER → 401 → REGISTER with credentials → 200 granting <paramref name="seconds"/>.</summary>
    public async Task<SipRequest> RegisterAsync(int seconds = 3600)
    {
        Registration.Start();
        var first = await ReceiveRegisterAsync();
        Answer(first, 401, ("WWW-Authenticate", $"Digest realm=\"{Realm}\", nonce=\"n-1\", qop=\"auth\""));
        var authorized = await ReceiveRegisterAsync();
        Grant(authorized, seconds);
        await StatusAsync(s => s.IsRegistered);
        return authorized;
    }

    public async ValueTask DisposeAsync()
    {
        await Registration.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
