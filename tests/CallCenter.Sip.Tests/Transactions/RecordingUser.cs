using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>An <see cref="ITransactionUser"/> that records every call (with the fake time) and runs optional hooks.</summary>
internal sealed class RecordingUser(FakeTimeProvider time) : ITransactionUser
{
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly List<UserEvent> _events = [];

    public Action<ServerTransaction>? WhenRequest { get; set; }

    public Action<ServerTransaction, SipRequest>? WhenCancel { get; set; }

    public IReadOnlyList<UserEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<UserEvent> Of(string kind) => [.. Events.Where(e => e.Kind == kind)];

    public IReadOnlyList<ServerTransaction> Requests => [.. Of(nameof(OnRequest)).Select(e => (ServerTransaction)e.Transaction!)];

    public IReadOnlyList<SipResponse> ResponsesOn(ClientTransaction transaction) =>
        [.. Of(nameof(OnResponse)).Where(e => e.Transaction == transaction).Select(e => (SipResponse)e.Message!)];

    public IReadOnlyList<UserEvent> Failures => Of(nameof(OnFailure));

    public void OnRequest(ServerTransaction transaction)
    {
        Record(new UserEvent(nameof(OnRequest), transaction, transaction.Request, null, null));
        WhenRequest?.Invoke(transaction);
    }

    public void OnCancel(ServerTransaction invite, SipRequest cancel)
    {
        Record(new UserEvent(nameof(OnCancel), invite, cancel, null, null));
        WhenCancel?.Invoke(invite, cancel);
    }

    public void OnAck(SipRequest ack, SipRemote source, ServerTransaction? transaction) =>
        Record(new UserEvent(nameof(OnAck), transaction, ack, null, source));

    public void OnResponse(ClientTransaction transaction, SipResponse response) =>
        Record(new UserEvent(nameof(OnResponse), transaction, response, null, null));

    public void OnStrayResponse(SipResponse response, SipRemote source) =>
        Record(new UserEvent(nameof(OnStrayResponse), null, response, null, source));

    public void OnFailure(SipTransaction transaction, TransactionFailure failure) =>
        Record(new UserEvent(nameof(OnFailure), transaction, null, failure, null));

    private void Record(UserEvent userEvent)
    {
        lock (_events)
        {
            _events.Add(userEvent with { At = time.GetUtcNow() - _start });
        }
    }
}

internal sealed record UserEvent(string Kind, SipTransaction? Transaction, SipMessage? Message, TransactionFailure? Failure, SipRemote? Source)
{
    public TimeSpan At { get; init; }
}
