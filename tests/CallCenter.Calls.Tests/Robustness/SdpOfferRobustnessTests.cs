using System.Text.RegularExpressions;
using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.G711;
using CallCenter.Media.Sdp;
using FsCheck;
using FsCheck.Fluent;

namespace CallCenter.Calls.Tests.Robustness;

/// <summary>
/// Whatever a caller offers, a leg answers it or refuses it with 488 Not Acceptable Here and a Warning
/// (RFC 3261 §13.3.1.3, §20.43); it never throws, and a refused offer leaves the leg usable.
/// </summary>
public partial class SdpOfferRobustnessTests
{
    private const int Ports = 30400;

    public static TheoryData<string, int> UnacceptableOffers => new()
    {
        { "", 399 },
        { "garbage", 399 },
        { "v=0\r\n", 399 },
        { "\0\u00ff\ud800 binary", 399 },
        { Offer().Replace("m=audio 40000", "m=audio port", StringComparison.Ordinal), 399 },
        { Offer().Replace("m=audio 40000", "m=audio 99999", StringComparison.Ordinal), 399 },
        { Offer().Replace("RTP/AVP 0 101", "RTP/AVP", StringComparison.Ordinal), 399 },
        { Offer().Replace("c=IN IP4 127.0.0.1", "c=IN IP4 not an address at all!", StringComparison.Ordinal), 399 },
        { Offer()[..(Offer().Length / 2)] + "\r\nz", 399 },
        { Offer().Replace("\r\nm=", "\r\nm=audio 40000 RTP/AVP 0 101\r\nm=", StringComparison.Ordinal).Replace("v=0\r\n", "v=1\r\n", StringComparison.Ordinal), 399 },
        { Offer().Replace("c=IN IP4 127.0.0.1\r\n", "", StringComparison.Ordinal), 399 },
        { Offer().Replace("c=IN IP4 127.0.0.1", "c=IN IP6 ::1", StringComparison.Ordinal), 301 },
        { Offer().Replace("c=IN IP4 127.0.0.1", "c=IN IP4 224.2.1.1/127", StringComparison.Ordinal), 301 },
        { Offer().Replace("RTP/AVP 0 101", "RTP/SAVP 0 101", StringComparison.Ordinal), 302 },
        { Offer().Replace("m=audio", "m=video", StringComparison.Ordinal), 304 },
        { Offer().Replace("m=audio 40000", "m=audio 0", StringComparison.Ordinal), 304 },
        { PeerSdp.Offer(40000, "18"), 305 },
        { PeerSdp.Offer(40000, "101"), 305 },
    };

    [Theory]
    [MemberData(nameof(UnacceptableOffers))]
    public void An_offer_that_cannot_be_used_is_refused_with_488_and_a_warning(string offer, int warningCode)
    {
        using var harness = new MediaEngineHarness(Ports);
        var leg = harness.Open("caller");

        var negotiation = leg.Media.AnswerOffer(offer);

        Assert.False(negotiation.Accepted);
        Assert.Null(negotiation.AnswerSdp);
        Assert.Equal(488, negotiation.RefusalStatus);
        Assert.Matches(WarningHeader(), negotiation.Warning);
        Assert.StartsWith(warningCode + " ", negotiation.Warning, StringComparison.Ordinal);
        Assert.Equal(0, harness.Clock.SubscriberCount);
    }

    [Fact]
    public void A_leg_that_refused_an_offer_still_answers_the_next_one_and_plays()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Open("caller");
        Assert.False(leg.Media.AnswerOffer("v=0\r\no=broken").Accepted);
        Assert.False(leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, "18")).Accepted);

        Assert.True(leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, "8 101")).Accepted);
        leg.Media.Play([TestPrompts.Short.Key], interruptible: false);
        Eventually.True(() => leg.Events.PromptsFinished == 1, "the prompt's end");
        peer.WaitForMore(2);

        Assert.True(RtpStreamAssert.IndexOfFrames(peer.Received, TestPrompts.Frames(TestPrompts.Short, G711Law.ALaw)) >= 0);
    }

    [Fact]
    public void An_rtcp_address_of_the_other_family_is_ignored_and_the_call_is_answered()
    {
        using var harness = new MediaEngineHarness(Ports);
        var peer = harness.Peer();
        var leg = harness.Open("caller");

        // RFC 3605 lets a=rtcp name its own address; one of another family than ours cannot be reached, so it is not used.
        var negotiation = leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, "0 101", extraMediaLines: "a=rtcp:53001 IN IP6 ::1\r\n"));

        Assert.True(negotiation.Accepted, negotiation.Warning);
        peer.SendDigits(leg.RtpEndPoint, 101, "7");
        leg.Events.WaitForDigits("7");
        peer.WaitForMore(3);
        harness.AssertNothingThrew();
    }

    [Fact]
    public void An_answer_from_an_agent_with_an_address_of_the_other_family_is_refused_not_thrown()
    {
        using var harness = new MediaEngineHarness(Ports);
        var leg = harness.Open("agent");
        leg.Media.CreateOffer();

        var accepted = leg.Media.AcceptAnswer(PeerSdp.Offer(40000, "0 101", connection: "IN IP6 ::1"), out var error);

        Assert.False(accepted);
        Assert.Contains("::1", error, StringComparison.Ordinal);
        Assert.Equal(0, harness.Clock.SubscriberCount);
    }

    [Fact]
    public void Random_text_is_answered_or_refused_never_thrown()
    {
        using var harness = new MediaEngineHarness(Ports, startClock: false);
        var leg = harness.Open("fuzz");
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll<string>(text => AnsweredOrRefused(leg, text ?? "")));
    }

    [Fact]
    public void Damaged_offers_are_answered_or_refused_never_thrown()
    {
        // The clock is stopped: an answered damaged offer may name any address, and nothing must be sent there.
        using var harness = new MediaEngineHarness(Ports, startClock: false);
        var leg = harness.Open("fuzz");
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(DamagedOffer().ToArbitrary(), text => AnsweredOrRefused(leg, text)));
    }

    private static bool AnsweredOrRefused(TestLeg leg, string offer)
    {
        var negotiation = leg.Media.AnswerOffer(offer);
        if (!negotiation.Accepted)
        {
            return negotiation.RefusalStatus == 488 && negotiation.Warning is { } warning && WarningHeader().IsMatch(warning);
        }

        return SessionDescription.TryParse(negotiation.AnswerSdp!, out var answer, out _)
            && answer.Media.Any(m => m.Port == leg.Media.LocalPort);
    }

    /// <summary>The typical offer with pieces of SDP vocabulary inserted and characters removed at random places.</summary>
    private static Gen<string> DamagedOffer()
    {
        string[] fragments =
        [
            "\r\n", "\n", "\r", " ", "=", "m=audio ", "m=video ", "c=IN IP4 ", "c=IN IP6 ::2", "IN IP6 ", "IP4", "0.0.0.0", "224.0.0.1/1",
            "a=rtcp:", "a=rtcp:9 IN IP6 ::2", "a=rtpmap:", "a=fmtp:101 ", "0-16", "16-0", "telephone-event/8000", "PCMA/8000", "PCMU/16000",
            "a=sendonly", "a=recvonly", "a=inactive", "a=ptime:", "a=maxptime:0", "b=AS:", "RTP/AVP ", "RTP/SAVP", "0", "8", "96", "101",
            "127", "128", "65535", "-1", "99999999999", "t=0 0", "v=0", "o=- 1 1 IN IP4 x", "\0", "\u00e9", ":",
        ];
        var offer = Offer();
        Gen<(int At, string Piece, int Removed)> edit =
            from at in Gen.Choose(0, offer.Length - 1)
            from piece in Gen.Elements(fragments).Or(Gen.Constant(string.Empty))
            from removed in Gen.Choose(0, 4)
            select (at, piece, removed);

        return Gen.Choose(1, 4).SelectMany(count => edit.ArrayOf(count)).Select(edits =>
        {
            var text = offer;
            foreach (var (at, piece, removed) in edits)
            {
                var start = Math.Min(at, text.Length);
                text = text.Remove(start, Math.Min(removed, text.Length - start)).Insert(start, piece);
            }

            return text;
        });
    }

    /// <summary>An offer for a port nobody listens on (the fuzz tests never start the clock, so nothing is sent anyway).</summary>
    private static string Offer() => PeerSdp.Offer(40000, "0 101");

    /// <summary>warn-code SP warn-agent SP quoted-string (RFC 3261 §20.43, §25.1).</summary>
    [GeneratedRegex("""^\d{3} callcenter "[^"\r\n]*"$""")]
    private static partial Regex WarningHeader();
}
