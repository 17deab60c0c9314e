using System.Net;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Sip.Tests.Dialogs.DialogMessages;

namespace CallCenter.Sip.Tests.Dialogs;

/// <summary>The UAS core's 2xx retransmission until the ACK (RFC 3261 §13.3.1.4, RFC 6026 §7.1).</summary>
public sealed class Uas2xxRetransmitterTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void On_UDP_the_2xx_is_resent_after_T1_then_at_doubling_intervals_capped_at_T2()
    {
        var call = new AcceptedInvite(AlicePhone);

        using var retransmitter = call.StartRetransmitting();
        call.RunFor(TimeSpan.FromSeconds(20));

        // First send at 0; then 0.5, 1.5, 3.5, 7.5 (intervals 0.5, 1, 2, 4) and every T2 = 4 s after that.
        Assert.Equal(
            new[] { 0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5 }.Select(TimeSpan.FromSeconds),
            call.OkSendTimes());
        Assert.All(call.Sent, s => Assert.Same(call.Ok, s.Message));
        Assert.All(call.Sent, s => Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.101"), 5060), s.Destination.EndPoint));
    }

    [Fact]
    public void A_larger_T1_and_a_smaller_T2_scale_the_schedule()
    {
        var timers = new SipTimerOptions { T1 = TimeSpan.FromSeconds(1), T2 = TimeSpan.FromSeconds(2) };
        var call = new AcceptedInvite(AlicePhone, timers);

        using var retransmitter = call.StartRetransmitting();
        call.RunFor(TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { 0.0, 1, 3, 5, 7, 9 }.Select(TimeSpan.FromSeconds), call.OkSendTimes());
    }

    [Fact]
    public void The_ACK_stops_the_retransmissions_and_the_give_up()
    {
        var call = new AcceptedInvite(AlicePhone);
        var gaveUp = 0;
        using var retransmitter = call.StartRetransmitting(() => gaveUp++);
        call.RunFor(TimeSpan.FromSeconds(2));

        retransmitter.AckReceived();
        call.RunFor(TimeSpan.FromSeconds(60));

        Assert.Equal(new[] { 0, 0.5, 1.5 }.Select(TimeSpan.FromSeconds), call.OkSendTimes());
        Assert.Equal(0, gaveUp);
    }

    [Fact]
    public void Without_an_ACK_it_gives_up_once_at_64_T1_and_sends_nothing_more()
    {
        var call = new AcceptedInvite(AlicePhone);
        var gaveUpAt = new List<TimeSpan>();
        using var retransmitter = call.StartRetransmitting(() => gaveUpAt.Add(call.Elapsed));

        call.RunFor(TimeSpan.FromSeconds(31.9));
        Assert.Empty(gaveUpAt);
        call.RunFor(TimeSpan.FromSeconds(40));

        Assert.Equal([64 * T1], gaveUpAt);
        Assert.True(call.OkSendTimes().Max() <= 64 * T1);
    }

    [Fact]
    public void On_TCP_nothing_is_retransmitted_but_the_wait_for_the_ACK_still_ends_at_64_T1()
    {
        var tcp = new SipRemote(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.101"), 40000), ConnectionId: 3);
        var call = new AcceptedInvite(tcp, transport: "TCP");
        var gaveUpAt = new List<TimeSpan>();

        using var retransmitter = call.StartRetransmitting(() => gaveUpAt.Add(call.Elapsed));
        call.RunFor(TimeSpan.FromSeconds(40));

        Assert.Equal([TimeSpan.Zero], call.OkSendTimes());
        Assert.Equal([64 * T1], gaveUpAt);
    }

    [Fact]
    public void Disposing_stops_everything_without_giving_up()
    {
        var call = new AcceptedInvite(AlicePhone);
        var gaveUp = 0;
        var retransmitter = call.StartRetransmitting(() => gaveUp++);

        retransmitter.Dispose();
        call.RunFor(TimeSpan.FromSeconds(40));

        Assert.Equal([TimeSpan.Zero], call.OkSendTimes());
        Assert.Equal(0, gaveUp);
    }

    /// <summary>An INVITE received by a real transaction layer and answered 200 (Accepted state), over a fake clock.</summary>
    private sealed class AcceptedInvite : ISipMessageSender, ITransactionUser
    {
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        private readonly DateTimeOffset _start;
        private readonly SipTimerOptions _timers;
        private readonly List<(SipMessage Message, SipRemote Destination, TimeSpan At)> _sent = [];
        private ServerTransaction? _transaction;

        public AcceptedInvite(SipRemote source, SipTimerOptions? timers = null, string transport = "UDP")
        {
            _start = _time.GetUtcNow();
            _timers = timers ?? new SipTimerOptions();
            var layer = new SipTransactionLayer(this, this, _time, _timers, NullLogger.Instance);
            layer.OnRequest(InviteFromAlice(transport: transport), source);
            Ok = _transaction!.CreateResponse(200);
            Ok.Headers.Add(KnownHeader.Contact, "<sip:bob@198.51.100.1:5060>");
            Assert.True(_transaction.Respond(Ok));
        }

        public SipResponse Ok { get; }

        public TimeSpan Elapsed => _time.GetUtcNow() - _start;

        public IReadOnlyList<(SipMessage Message, SipRemote Destination, TimeSpan At)> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public Uas2xxRetransmitter StartRetransmitting(Action? onGiveUp = null) =>
            Uas2xxRetransmitter.Start(_transaction!, Ok, _timers, _time, onGiveUp ?? (() => { }));

        public IEnumerable<TimeSpan> OkSendTimes() => Sent.Where(s => s.Message is SipResponse { StatusCode: 200 }).Select(s => s.At);

        /// <summary>Advances in 10 ms steps so every timer fires at its own instant.</summary>
        public void RunFor(TimeSpan duration)
        {
            var end = Elapsed + duration;
            while (Elapsed < end)
            {
                var step = end - Elapsed;
                _time.Advance(step < TimeSpan.FromMilliseconds(10) ? step : TimeSpan.FromMilliseconds(10));
            }
        }

        public ValueTask<bool> SendAsync(SipMessage message, SipRemote destination)
        {
            lock (_sent)
            {
                _sent.Add((message, destination, Elapsed));
            }

            return ValueTask.FromResult(true);
        }

        public void OnRequest(ServerTransaction transaction) => _transaction = transaction;

        public void OnCancel(ServerTransaction invite, SipRequest cancel)
        {
        }

        public void OnAck(SipRequest ack, SipRemote source, ServerTransaction? transaction)
        {
        }

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
        }

        public void OnStrayResponse(SipResponse response, SipRemote source)
        {
        }

        public void OnFailure(SipTransaction transaction, TransactionFailure failure)
        {
        }
    }
}
