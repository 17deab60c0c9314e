using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Registrar;

/// <summary>A registrar over a fake clock, recording every <see cref="BindingStore.Changed"/> event.</summary>
internal sealed class RegistrarHarness : IDisposable
{
    public RegistrarHarness(RegistrarOptions? options = null)
    {
        Options = options ?? new RegistrarOptions();
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));
        Store = new BindingStore(Options, Time);
        Store.Changed += change =>
        {
            lock (Changes)
            {
                Changes.Add(change);
            }
        };
        Service = new RegistrarService(Store, Options, Time);
    }

    public RegistrarOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public BindingStore Store { get; }

    public RegistrarService Service { get; }

    public List<BindingChange> Changes { get; } = [];

    /// <summary>Handles a REGISTER authenticated as its own To user (the normal case).</summary>
    public SipResponse Handle(SipRequest request, SipRemote? source = null) =>
        Service.Handle(request, source ?? RegisterRequests.Phone, request.To!.Uri.User!, "reg-tag");

    /// <summary>Advances the clock one second at a time, so the periodic sweep runs at each of its own instants.</summary>
    public void RunFor(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        while (Time.GetUtcNow() < end)
        {
            var step = end - Time.GetUtcNow();
            Time.Advance(step < TimeSpan.FromSeconds(1) ? step : TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose() => Store.Dispose();
}
