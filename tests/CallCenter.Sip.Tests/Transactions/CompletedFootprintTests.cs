using System.Globalization;
using System.Net;
using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>
/// Runs alone: it measures the whole managed heap, which tests running in parallel would disturb.
/// </summary>
[CollectionDefinition(nameof(HeapMeasurement), DisableParallelization = true)]
public sealed class HeapMeasurement;

/// <summary>
/// What a non-INVITE server transaction retains while it waits out Timer J on UDP (RFC 3261 §17.2.2): a registrar
/// answering 8,000 digest REGISTERs/s keeps 16,000 × 32 s = 512,000 of them, so each byte counts half a megabyte.
/// REGISTERs shaped like the sipp load scenario are parsed from the wire, answered 401 (with a digest challenge) or
/// 200 (with Contact and Expires) and left in Completed; the heap growth per transaction is then measured.
/// </summary>
[Collection(nameof(HeapMeasurement))]
public class CompletedFootprintTests(ITestOutputHelper output)
{
    private const int Transactions = 50_000;

    /// <summary>
    /// The retained size a Completed UDP non-INVITE transaction must stay below: the response bytes (about 420 here)
    /// plus a compact entry and its index slots. Holding the parsed request and response objects took about 6 KB.
    /// </summary>
    private const int MaximumBytesPerTransaction = 768;

    private static readonly SipRemote Peer = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 15061));

    [Fact]
    public void A_completed_udp_register_transaction_retains_a_compact_entry_and_nothing_after_timer_J()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sender = new DiscardingSender();
        var layer = new SipTransactionLayer(sender, new RegistrarLikeUser(), time, new SipTimerOptions(), NullLogger.Instance);
        var baseline = HeapSize();

        for (var i = 0; i < Transactions; i++)
        {
            layer.OnRequest(Register(i), Peer);
        }

        var completed = HeapSize();
        Assert.Equal(Transactions, layer.ServerTransactionCount);
        var perTransaction = (completed - baseline) / (double)Transactions;
        output.WriteLine($"{Transactions} Completed UDP REGISTER transactions retain {perTransaction:F0} bytes each ({(completed - baseline) / 1048576.0:F1} MiB); the responses average {sender.BytesSent / (double)sender.Sends:F0} bytes on the wire");

        time.Advance(TimeSpan.FromSeconds(33));
        var afterTimerJ = HeapSize();
        output.WriteLine($"After Timer J: {layer.ServerTransactionCount} live, {(afterTimerJ - baseline) / (double)Transactions:F0} bytes per transaction still held");

        Assert.Equal(0, layer.ServerTransactionCount);
        Assert.Equal(0, layer.Counters.ActiveServer);
        Assert.True(perTransaction < MaximumBytesPerTransaction, $"{perTransaction:F0} bytes per Completed transaction");
        // Once the last entry has gone the table also gives back the index capacity the burst grew.
        Assert.True(afterTimerJ - baseline < Transactions * 16L, $"{afterTimerJ - baseline} bytes still held after Timer J");
        GC.KeepAlive(layer);
    }

    private static long HeapSize()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The first (unauthenticated) or second (authorised) REGISTER of sipp call <paramref name="call"/>.</summary>
    private static SipRequest Register(int call)
    {
        var retry = call % 2 == 1;
        var user = (2000 + (call / 2 % 1000)).ToString(CultureInfo.InvariantCulture);
        var text =
            "REGISTER sip:127.0.0.1:15060 SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:15061;branch=z9hG4bK-41235-{call}-{(retry ? 2 : 0)};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:{user}@127.0.0.1>;tag=41235l{call / 2}\r\n" +
            $"To: <sip:{user}@127.0.0.1>\r\n" +
            $"Call-ID: {call / 2}-41235@127.0.0.1\r\n" +
            $"CSeq: {(retry ? 2 : 1)} REGISTER\r\n" +
            $"Contact: <sip:{user}@127.0.0.1:15061;transport=UDP>\r\n" +
            (retry
                ? $"Authorization: Digest username=\"{user}\",realm=\"callcenter\",uri=\"sip:127.0.0.1:15060\",nonce=\"Zk3q9vZKx1c2Yt8m4Rr0bW5nJfQ2aHdE7uLpTsVy6Ao\",response=\"0c2f7e3a9b1d4c5e6f708192a3b4c5d6\",algorithm=MD5,opaque=\"b7Q1xZ2mN8pL4rT6\",qop=auth,nc=00000001,cnonce=\"6b8b4567\"\r\n"
                : string.Empty) +
            "Expires: 3600\r\n" +
            "User-Agent: sipp-load\r\n" +
            "Content-Length: 0\r\n\r\n";
        var parsed = SipParser.Parse(Encoding.UTF8.GetBytes(text));
        return (SipRequest)parsed.Message!;
    }

    /// <summary>Answers like the registrar: 401 with a digest challenge to a REGISTER without credentials, else 200.</summary>
    private sealed class RegistrarLikeUser : ITransactionUser
    {
        public void OnRequest(ServerTransaction transaction)
        {
            var request = transaction.Request;
            SipResponse response;
            if (request.Headers.Contains(KnownHeader.Authorization))
            {
                response = transaction.CreateResponse(200);
                response.Headers.Add(KnownHeader.Contact, request.Headers[KnownHeader.Contact] + ";expires=3600");
                response.Headers.Add(KnownHeader.Date, "Wed, 01 Jan 2025 00:00:00 GMT");
            }
            else
            {
                response = transaction.CreateResponse(401, "Unauthorized");
                response.Headers.Add(
                    KnownHeader.WwwAuthenticate,
                    "Digest realm=\"callcenter\", nonce=\"Zk3q9vZKx1c2Yt8m4Rr0bW5nJfQ2aHdE7uLpTsVy6Ao\", opaque=\"b7Q1xZ2mN8pL4rT6\", algorithm=MD5, qop=\"auth\"");
            }

            response.Headers.Add(KnownHeader.Server, "CallCenter");
            transaction.Respond(response);
        }

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

    /// <summary>A transport that sends nothing and keeps nothing; it only counts.</summary>
    private sealed class DiscardingSender : ISipMessageSender
    {
        public long BytesSent { get; private set; }

        public int Sends { get; private set; }

        public ValueTask<bool> SendAsync(SipMessage message, SipRemote destination) =>
            SendSerializedResponseAsync(message.ToBytes(), 0, destination);

        public ValueTask<bool> SendSerializedResponseAsync(ReadOnlyMemory<byte> wire, int statusCode, SipRemote destination)
        {
            BytesSent += wire.Length;
            Sends++;
            return new ValueTask<bool>(true);
        }
    }
}
