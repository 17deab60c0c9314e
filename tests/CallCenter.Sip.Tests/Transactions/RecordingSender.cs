using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>An <see cref="ISipMessageSender"/> that records what was sent and when, and can fail on demand.</summary>
internal sealed class RecordingSender(FakeTimeProvider time) : ISipMessageSender
{
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly List<SentMessage> _sent = [];

    /// <summary>Decides each send's result; succeeds synchronously by default.</summary>
    public Func<SipMessage, SipRemote, ValueTask<bool>> Behaviour { get; set; } = (_, _) => new ValueTask<bool>(true);

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<SentMessage> Responses(int statusCode) => [.. Sent.Where(s => s.Message is SipResponse r && r.StatusCode == statusCode)];

    public IReadOnlyList<SentMessage> Requests(string method) => [.. Sent.Where(s => s.Message is SipRequest r && r.Method == method)];

    public ValueTask<bool> SendAsync(SipMessage message, SipRemote destination) => Record(new SentMessage(message, destination, time.GetUtcNow() - _start));

    /// <summary>Records the bytes as sent, with the response parsed back from them for the assertions.</summary>
    public ValueTask<bool> SendSerializedResponseAsync(ReadOnlyMemory<byte> wire, int statusCode, SipRemote destination)
    {
        var parsed = SipParser.Parse(wire);
        Assert.True(parsed.Success, parsed.Error);
        var response = Assert.IsType<SipResponse>(parsed.Message);
        Assert.Equal(statusCode, response.StatusCode);
        return Record(new SentMessage(response, destination, time.GetUtcNow() - _start) { Wire = wire.ToArray() });
    }

    public void FailAll() => Behaviour = (_, _) => new ValueTask<bool>(false);

    private ValueTask<bool> Record(SentMessage sent)
    {
        lock (_sent)
        {
            _sent.Add(sent);
        }

        return Behaviour(sent.Message, sent.Destination);
    }
}

internal sealed record SentMessage(SipMessage Message, SipRemote Destination, TimeSpan At)
{
    /// <summary>The bytes, when the message was handed over already serialised; null when it went as an object.</summary>
    public byte[]? Wire { get; init; }

    public SipRequest Request => (SipRequest)Message;

    public SipResponse Response => (SipResponse)Message;
}
