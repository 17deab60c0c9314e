using CallCenter.Calls.Actor;
using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Callbacks;

/// <summary>
/// The callback desk and scheduler over a real SQLite store in a temporary file, with routing, the agents' phones, the
/// trunk and media faked, a fake clock, and every event handled inline on the test's thread.
/// </summary>
internal sealed class CallbackTestbed : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc-callbacks-" + Guid.NewGuid().ToString("N"));

    public CallbackTestbed(CallbackOptions? options = null)
    {
        Options = options ?? new CallbackOptions();
        Database = CallCenterDatabase.Open(new StoreOptions { Path = Path.Combine(_folder, "callcenter.db") });
        Store = new CallbackStore(Database);
        Services = new CallbackServices(Router, Phones, Trunk, Media, Clock, Options, NullLogger.Instance, SerialExecutor.InlineDispatch);
        Scheduler = new CallbackScheduler(Store, Services);
        Desk = new CallbackDesk(Store, Scheduler, Router, Trunk, Clock, NullLogger.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingRouter Router { get; } = new();

    public FakeAgentPhones Phones { get; } = new();

    public FakeTrunk Trunk { get; } = new();

    public FakeLegMediaFactory Media { get; } = new();

    public CallbackOptions Options { get; }

    public CallCenterDatabase Database { get; private set; }

    public CallbackStore Store { get; private set; }

    public CallbackServices Services { get; }

    public CallbackScheduler Scheduler { get; private set; }

    public CallbackDesk Desk { get; private set; }

    /// <summary>The try routing holds last.</summary>
    public IRoutedContact LastTry => Router.Last.Owner;

    /// <summary>A caller's contact that waits in queue "billing" since <paramref name="arrivedAt"/>.</summary>
    public static WaitingContact CallContact(string id = "call-1", DateTimeOffset? arrivedAt = null, int priority = 7) =>
        new(id, "billing", priority, arrivedAt ?? Start, ContactKind.Call, [new SkillRequirement("billing", 5)]);

    /// <summary>Books a callback for a caller waiting since <see cref="Start"/>, two minutes ago.</summary>
    public CallbackBooking Book(string number = "09171234567", WaitingContact? contact = null)
    {
        Clock.Advance(TimeSpan.FromMinutes(2));
        return Desk.Book(new CallbackRequest(number, contact ?? CallContact(), "call-id-1", "T-42", null));
    }

    /// <summary>A desk over the same store and scheduler that books in <paramref name="queues"/> for callers not waiting.</summary>
    public CallbackDesk DeskWithQueues(params QueueDefinition[] queues) =>
        new(Store, Scheduler, Router, Trunk, Clock, NullLogger.Instance) { Queues = queues };

    /// <summary>Routing offers agent <paramref name="extension"/> to the last try; its phone rings until 15 s from now.</summary>
    public FakeLeg OfferAgent(string extension = "1001")
    {
        LastTry.Offer(Agents.Target(extension), Clock.GetUtcNow().AddSeconds(15));
        return Phones.Last;
    }

    /// <summary>The agent answers and hears the whole whisper; then the customer's phone is dialled.</summary>
    public FakeLeg AgentAnswers(FakeLeg agent)
    {
        agent.Answer();
        Media.Agent.FinishPlayback();
        return Trunk.Last;
    }

    /// <summary>The customer answers and hears the greeting to its end: both are bridged.</summary>
    public void CustomerAnswersAndIsGreeted(FakeLeg customer)
    {
        customer.Answer();
        Media.Customer.FinishPlayback();
    }

    /// <summary>A new scheduler and desk over the same database file, as after a server restart.</summary>
    public void Restart()
    {
        Scheduler.Dispose();
        Database = CallCenterDatabase.Open(new StoreOptions { Path = Database.FullPath });
        Store = new CallbackStore(Database);
        Scheduler = new CallbackScheduler(Store, Services);
        Desk = new CallbackDesk(Store, Scheduler, Router, Trunk, Clock, NullLogger.Instance);
    }

    public void Dispose()
    {
        Scheduler.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner: the temporary folder is cleaned up by the system later.
        }
    }
}
