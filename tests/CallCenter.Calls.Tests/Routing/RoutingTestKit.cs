using System.Globalization;
using System.Net;
using CallCenter.Calls.Actor;
using CallCenter.Calls.Routing;
using CallCenter.Config;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>
/// A live router over a fake clock and a real binding store, with inline dispatch: what a test posts has been routed
/// (and told to the contacts) when the call returns. Agents register at 127.0.0.1:50xx, xx being the extension's last
/// two digits.
/// </summary>
internal sealed class RoutingTestKit : IDisposable
{
    public RoutingTestKit(
        FakeTimeProvider time,
        IEnumerable<AgentConfig> agents,
        IEnumerable<QueueConfig>? queues = null,
        RoutingOptions? options = null,
        CallOptions? callOptions = null)
    {
        Time = time;
        Config = new CallCenterConfig(agents, [], "test.yaml", queues);
        Bindings = new BindingStore(new RegistrarOptions(), time);
        Router = new RoutingCoordinator(
            Config, Bindings, options ?? new RoutingOptions(), callOptions ?? new CallOptions(), [Observer], time,
            NullLogger<RoutingCoordinator>.Instance, SerialExecutor.InlineDispatch);
    }

    public FakeTimeProvider Time { get; }

    public CallCenterConfig Config { get; }

    public BindingStore Bindings { get; }

    public RoutingCoordinator Router { get; }

    public RecordingObserver Observer { get; } = new();

    /// <summary>An agent with <paramref name="skills"/> (name "Agent EXT").</summary>
    public static AgentConfig Agent(string extension, params (string Skill, int Level)[] skills) =>
        new(extension, "Agent " + extension, AgentSecret.FromPassword("pw-" + extension), skills.ToDictionary(s => s.Skill, s => s.Level));

    /// <summary>A queue needing <paramref name="skills"/> with the file's defaults, changed by <paramref name="change"/>.</summary>
    public static QueueConfig Queue(string name, IReadOnlyDictionary<string, int> skills, Func<QueueConfig, QueueConfig>? change = null)
    {
        var queue = new QueueConfig(
            name, skills, QueueConfig.DefaultPriority, QueueServiceLevel.Default, null, new QueueFallbackRule(QueueFallbackKind.Message),
            new QueueFallbackRule(QueueFallbackKind.Message), QueueStrategy.BestSkill, TimeSpan.FromSeconds(15), 2, TimeSpan.FromSeconds(10),
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45), null, []);
        return change is null ? queue : change(queue);
    }

    /// <summary>The agent's softphone registers for <paramref name="expires"/> seconds, from 127.0.0.1:<paramref name="port"/>.</summary>
    public void Register(string extension, int expires = 3600, int? port = null)
    {
        port ??= 5000 + int.Parse(extension[^2..], CultureInfo.InvariantCulture);
        var contact = SipUri.Parse($"sip:{extension}@127.0.0.1:{port}");
        Bindings.Apply(extension, [new ContactUpdate(contact, contact.ToString(), expires, 1.0)], removeAll: false, "reg-" + extension, ++_cseq,
            new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, port.Value)), "test-phone");
    }

    /// <summary>The agent's softphone unregisters (Expires: 0 for every binding).</summary>
    public void Unregister(string extension) =>
        Bindings.Apply(extension, [], removeAll: true, "reg-" + extension, ++_cseq, new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5000)), null);

    /// <summary>The agent as the contact centre reports it.</summary>
    public AgentStatus AgentStatus(string extension) => Router.GetAgentsAsync().Result.Single(a => a.Extension == extension);

    /// <summary>The queue as the contact centre reports it.</summary>
    public QueueStatus QueueStatus(string name) => Router.GetQueuesAsync().Result.Single(q => q.Name == name);

    public void Dispose()
    {
        Router.Dispose();
        Bindings.Dispose();
    }

    private long _cseq;
}
