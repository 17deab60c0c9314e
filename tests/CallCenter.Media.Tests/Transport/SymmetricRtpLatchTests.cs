using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtp;
using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport;

public class SymmetricRtpLatchTests
{
    private const long Second = 1000;
    private static readonly SocketAddress Sdp = Address("192.0.2.10", 4000);
    private static readonly SocketAddress Nat = Address("198.51.100.7", 31000);
    private static readonly SocketAddress Attacker = Address("203.0.113.66", 5555);
    private static readonly RtpPayloadTypeSet Pcmu = RtpPayloadTypeSet.Of(0, 101);

    [Fact]
    public void A_packet_from_the_sdp_address_latches_at_once()
    {
        var latch = NewLatch();
        Assert.Equal(RtpLatchVerdict.Latched, latch.Evaluate(Copy(Sdp), 0, 1, 100, 0));
        Assert.Equal(Sdp, latch.Latched);
        Assert.Equal(RtpLatchVerdict.Accepted, latch.Evaluate(Copy(Sdp), 0, 1, 101, 20));
    }

    [Fact]
    public void Another_address_latches_after_two_packets_in_sequence_with_one_ssrc()
    {
        var latch = NewLatch();
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Nat), 0, 7, 500, 0));
        Assert.Null(latch.Latched);
        Assert.Equal(RtpLatchVerdict.Latched, latch.Evaluate(Copy(Nat), 0, 7, 501, 20));
        Assert.Equal(Nat, latch.Latched);
    }

    [Fact]
    public void Broken_continuity_restarts_the_confirmation()
    {
        var latch = NewLatch();
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Nat), 0, 7, 500, 0));
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Nat), 0, 8, 501, 20));    // other SSRC
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Nat), 0, 8, 9000, 40));   // sequence jump
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Attacker), 0, 8, 9001, 60)); // other address
        Assert.Equal(RtpLatchVerdict.Latched, latch.Evaluate(Copy(Attacker), 0, 8, 9002, 80));
    }

    [Fact]
    public void Unnegotiated_payload_types_never_latch()
    {
        var latch = NewLatch();
        for (ushort i = 0; i < 10; i++)
        {
            Assert.Equal(RtpLatchVerdict.UnexpectedPayloadType, latch.Evaluate(Copy(Sdp), 8, 1, i, i));
        }

        Assert.Null(latch.Latched);
    }

    [Fact]
    public void A_flood_from_a_third_address_cannot_steal_an_active_stream()
    {
        var latch = NewLatch();
        latch.Evaluate(Copy(Sdp), 0, 1, 0, 0);
        var random = new Random(4961);
        ushort floodSequence = 0;
        for (int i = 1; i < 2000; i++)
        {
            long now = i * 20;

            // The peer keeps talking; the flood is perfectly sequential, of a valid type, from one SSRC.
            Assert.Equal(RtpLatchVerdict.Accepted, latch.Evaluate(Copy(Sdp), 0, 1, (ushort)i, now));
            for (int f = 0; f < 5; f++)
            {
                Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Attacker), 0, 666, floodSequence++, now));
                var verdict = latch.Evaluate(Copy(Attacker), (byte)random.Next(128), (uint)random.Next(), (ushort)random.Next(), now);
                Assert.True(verdict is RtpLatchVerdict.OtherSource or RtpLatchVerdict.UnexpectedPayloadType);
            }
        }

        Assert.Equal(Sdp, latch.Latched);
    }

    [Fact]
    public void After_the_peer_falls_silent_another_confirmed_source_may_take_over()
    {
        var latch = NewLatch();
        latch.Evaluate(Copy(Sdp), 0, 1, 0, 0);
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Nat), 0, 2, 10, (2 * Second) - 1));
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Nat), 0, 2, 11, (2 * Second) - 1));
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Nat), 0, 2, 12, 2 * Second));
        Assert.Equal(RtpLatchVerdict.Latched, latch.Evaluate(Copy(Nat), 0, 2, 13, 2 * Second));
        Assert.Equal(Nat, latch.Latched);
    }

    [Fact]
    public void The_same_ssrc_continuing_from_a_new_address_relatches_at_once()
    {
        var latch = NewLatch();
        latch.Evaluate(Copy(Sdp), 0, 1, 100, 0);
        latch.Evaluate(Copy(Sdp), 0, 1, 101, 20);

        // A NAT rebinding: same stream, new source port, next sequence number.
        Assert.Equal(RtpLatchVerdict.Latched, latch.Evaluate(Copy(Nat), 0, 1, 102, 40));
        Assert.Equal(Nat, latch.Latched);
    }

    [Fact]
    public void The_same_ssrc_far_out_of_sequence_does_not_relatch()
    {
        var latch = NewLatch();
        latch.Evaluate(Copy(Sdp), 0, 1, 100, 0);
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Attacker), 0, 1, 5000, 20));
        Assert.Equal(RtpLatchVerdict.OtherSource, latch.Evaluate(Copy(Attacker), 0, 1, 100, 20));
        Assert.Equal(Sdp, latch.Latched);
    }

    [Fact]
    public void A_new_sdp_address_drops_the_latch_and_the_same_one_keeps_it()
    {
        var latch = NewLatch();
        latch.Evaluate(Copy(Nat), 0, 7, 1, 0);
        latch.Evaluate(Copy(Nat), 0, 7, 2, 20);
        Assert.Equal(Nat, latch.Latched);

        latch.Configure(Copy(Sdp), RtpPayloadTypeSet.Of(8));
        Assert.Equal(Nat, latch.Latched);
        Assert.Equal(RtpLatchVerdict.UnexpectedPayloadType, latch.Evaluate(Copy(Nat), 0, 7, 3, 40));
        Assert.Equal(RtpLatchVerdict.Accepted, latch.Evaluate(Copy(Nat), 8, 7, 4, 60));

        latch.Configure(Address("192.0.2.99", 6000), RtpPayloadTypeSet.Of(8));
        Assert.Null(latch.Latched);
    }

    [Fact]
    public void The_kept_address_is_a_copy_not_the_reused_receive_buffer()
    {
        var latch = NewLatch();
        var buffer = Copy(Sdp);
        latch.Evaluate(buffer, 0, 1, 1, 0);
        Attacker.Buffer.Span[..Attacker.Size].CopyTo(buffer.Buffer.Span);
        Assert.Equal(Sdp, latch.Latched);
    }

    private static SymmetricRtpLatch NewLatch()
    {
        var latch = new SymmetricRtpLatch(AddressFamily.InterNetwork, confirmPackets: 2, relatchAfter: 2 * Second);
        latch.Configure(Copy(Sdp), Pcmu);
        return latch;
    }

    private static SocketAddress Address(string ip, int port) => new IPEndPoint(IPAddress.Parse(ip), port).Serialize();

    /// <summary>A fresh buffer with the same content, as the receive loop hands over.</summary>
    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
