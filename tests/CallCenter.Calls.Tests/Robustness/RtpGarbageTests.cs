using System.Buffers.Binary;
using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.Dtmf;
using CallCenter.Media.G711;
using CallCenter.Media.Rtp;

namespace CallCenter.Calls.Tests.Robustness;

/// <summary>
/// What a broken or hostile peer sends from the latched address — RTP of another SSRC or of a payload type that was not
/// negotiated, truncated headers, random bytes, nonsense telephone-events — is dropped or shrugged off: no callback
/// throws, no key is invented, and the leg afterwards still plays prompts and hears a real key press.
/// </summary>
public class RtpGarbageTests
{
    private const int Ports = 30500;

    [Fact]
    public void A_leg_survives_every_kind_of_bad_rtp_and_still_plays_and_hears_a_key()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");
        LatchTo(peer, leg, 0);

        foreach (var datagram in BadDatagrams(peer.Ssrc))
        {
            peer.SendRaw(leg.RtpEndPoint, datagram);
        }

        SendRandomRtcp(peer, leg);
        AssertStillWorks(harness, peer, leg, digit: '8', G711Law.MuLaw);
    }

    [Fact]
    public void A_bridged_leg_survives_bad_rtp_and_keeps_relaying()
    {
        using var harness = new MediaEngineHarness(Ports);
        var (caller, agent) = (harness.Peer(), harness.Peer());
        var (callerLeg, agentLeg) = (harness.Answered(caller, "0 101"), harness.Answered(agent, "8 101"));
        LatchTo(caller, callerLeg, 0);
        callerLeg.Media.Bridge(agentLeg.Media);

        foreach (var datagram in BadDatagrams(caller.Ssrc))
        {
            caller.SendRaw(callerLeg.RtpEndPoint, datagram);
        }

        var frame = new byte[G711Frame.SamplesPerFrame];
        new Random(5).NextBytes(frame);
        caller.SendAudio(callerLeg.RtpEndPoint, 0, frame);
        var expected = new byte[frame.Length];
        G711Transcoder.MuLawToALaw(frame, expected);
        Eventually.True(() => RtpStreamAssert.IndexOfFrame(agent.Received, expected) >= 0, "a good frame relayed after the garbage");

        Assert.DoesNotContain(agent.Received, p => p.PayloadType != 8);
        Assert.Equal("", callerLeg.Events.Digits);
        harness.AssertNothingThrew();
    }

    [Fact]
    public void Random_datagrams_never_break_a_leg_that_detects_keys_in_band()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "8");
        LatchTo(peer, leg, 8);
        var random = new Random(20250301);

        for (var i = 0; i < 500; i++)
        {
            // Half are valid RTP headers of the negotiated type carrying random audio of random length, the rest random bytes.
            var payload = new byte[random.Next(0, 1400)];
            random.NextBytes(payload);
            if (i % 2 == 0)
            {
                peer.SendAudio(leg.RtpEndPoint, 8, payload);
            }
            else
            {
                peer.SendRaw(leg.RtpEndPoint, payload);
            }
        }

        // Five frames of silence let the tone detector forget the noise before the real key.
        for (var i = 0; i < 5; i++)
        {
            peer.SendAudio(leg.RtpEndPoint, 8, G711Frame.Silence(G711Law.ALaw).Span);
        }

        AssertStillWorks(harness, peer, leg, digit: '5', G711Law.ALaw);
    }

    /// <summary>
    /// One good packet from the SDP address latches the stream to the peer (RFC 4961); what the peer sends next on the
    /// same socket is handled after it.
    /// </summary>
    private static void LatchTo(RtpPeer peer, TestLeg leg, byte payloadType) =>
        peer.SendAudio(leg.RtpEndPoint, payloadType, G711Frame.Silence(payloadType == 8 ? G711Law.ALaw : G711Law.MuLaw).Span);

    private static void AssertStillWorks(MediaEngineHarness harness, RtpPeer peer, TestLeg leg, char digit, G711Law law)
    {
        leg.Media.Play([TestPrompts.Short.Key], interruptible: false);
        Eventually.True(() => leg.Events.PromptsFinished == 1, "the prompt's end");
        peer.WaitForMore(2);
        Assert.True(RtpStreamAssert.IndexOfFrames(peer.Received, TestPrompts.Frames(TestPrompts.Short, law)) >= 0, "the prompt was played");
        RtpStreamAssert.Continuous(peer.Received, law.PayloadType());

        if (law == G711Law.MuLaw)
        {
            peer.SendDigits(leg.RtpEndPoint, 101, digit.ToString());
        }
        else
        {
            peer.SendAudioFrames(leg.RtpEndPoint, law.PayloadType(), TestPrompts.DtmfTone(digit, law));
        }

        leg.Events.WaitForDigits(digit.ToString());
        Assert.Equal(digit.ToString(), leg.Events.Digits);
        harness.AssertNothingThrew();
    }

    private static IEnumerable<byte[]> BadDatagrams(uint peerSsrc)
    {
        var frame = new byte[G711Frame.SamplesPerFrame];
        Array.Fill(frame, (byte)0x55);

        // Audio of another SSRC from the latched address, and payload types that were not negotiated.
        yield return Rtp(new RtpHeader(0, 1, 1000, peerSsrc ^ 0x5A5A5A5A), frame);
        foreach (var payloadType in new byte[] { 8, 18, 96, 100, 102, 127, 72, 76 })
        {
            yield return Rtp(new RtpHeader(payloadType, 2, 2000, peerSsrc), frame);
        }

        // Not RTP at all: empty, shorter than the fixed header, other versions.
        yield return [];
        for (var length = 1; length < RtpPacket.FixedHeaderLength; length++)
        {
            yield return Rtp(new RtpHeader(0, 3, 3000, peerSsrc), frame)[..length];
        }

        foreach (var version in new byte[] { 0x00, 0x40, 0xC0 })
        {
            var packet = Rtp(new RtpHeader(0, 4, 4000, peerSsrc), frame);
            packet[0] = version;
            yield return packet;
        }

        // Headers whose counts and lengths point past the end: 15 CSRCs in 20 bytes, an extension longer than the packet,
        // padding longer than the payload, and padding of zero bytes.
        var csrcs = Rtp(new RtpHeader(0, 5, 5000, peerSsrc), new byte[8]);
        csrcs[0] |= 0x0F;
        yield return csrcs;
        var extension = Rtp(new RtpHeader(0, 6, 6000, peerSsrc), [0xBE, 0xDE, 0xFF, 0xFF, 1, 2, 3, 4]);
        extension[0] |= 0x10;
        yield return extension;
        var padding = Rtp(new RtpHeader(0, 7, 7000, peerSsrc), [1, 2, 3, 200]);
        padding[0] |= 0x20;
        yield return padding;
        var zeroPadding = Rtp(new RtpHeader(0, 8, 8000, peerSsrc), [1, 2, 3, 0]);
        zeroPadding[0] |= 0x20;
        yield return zeroPadding;

        // Audio far larger than a 20 ms frame.
        yield return Rtp(new RtpHeader(0, 9, 9000, peerSsrc), new byte[1400]);

        foreach (var payload in BadTelephoneEvents())
        {
            yield return Rtp(new RtpHeader(101, 10, 10000, peerSsrc, Marker: true), payload);
        }
    }

    /// <summary>telephone-event payloads that are malformed, or events that are not keys (RFC 4733 §3.2: 16 is flash).</summary>
    private static IEnumerable<byte[]> BadTelephoneEvents()
    {
        yield return [];
        yield return [5];
        yield return [5, 0x8A];
        yield return [5, 0x8A, 0x03];
        yield return [5, 0x8A, 0x03, 0x20, 9];
        yield return new byte[7];
        foreach (var code in new byte[] { 16, 17, 64, 128, 200, 255 })
        {
            var block = new byte[4];
            new TelephoneEvent(code, end: true, volume: 10, duration: 800).WriteTo(block);
            yield return block;

            var reserved = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(reserved, ((uint)code << 24) | 0x7F_0000u | 0xFFFF);
            yield return reserved;
        }
    }

    private static void SendRandomRtcp(RtpPeer peer, TestLeg leg)
    {
        var random = new Random(7);
        var rtcp = new System.Net.IPEndPoint(leg.RtpEndPoint.Address, leg.RtpEndPoint.Port + 1);
        for (var i = 0; i < 50; i++)
        {
            var datagram = new byte[random.Next(0, 200)];
            random.NextBytes(datagram);
            peer.SendRaw(rtcp, datagram);
        }
    }

    private static byte[] Rtp(RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[RtpPacket.FixedHeaderLength + payload.Length];
        Assert.True(RtpPacketWriter.TryWrite(buffer, header, payload, out var written));
        return buffer[..written];
    }
}
