using System.Net;
using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>
/// New offers in an existing session (RFC 3264 §8): o= versions, m= lines kept in place, hold and resume.
/// </summary>
public class SdpReInviteTests
{
    private static readonly MediaCapabilities Defaults = new();
    private static readonly LocalMedia Local = SdpNegotiatorAnswerTests.Local;

    [Fact]
    public void Answering_an_unchanged_re_offer_keeps_our_version()
    {
        var offer = SdpText.Parse(HoldSdps.LinphoneActive);
        var first = SdpNegotiator.CreateAnswer(offer, Defaults, Local).Answer!;

        var again = SdpNegotiator.CreateAnswer(offer, Defaults, Local with { SessionVersion = 99 }, previousLocal: first).Answer!;

        Assert.Equal(first, again);
        Assert.Equal(7UL, again.Origin.SessionVersion);
    }

    [Fact]
    public void Hold_and_resume_by_the_peer_change_our_answer_version_by_one_each_time()
    {
        var active = SdpNegotiator.CreateAnswer(SdpText.Parse(HoldSdps.LinphoneActive), Defaults, Local);
        var hold = SdpNegotiator.CreateAnswer(SdpText.Parse(HoldSdps.LinphoneHold), Defaults, Local, active.Answer);
        var resume = SdpNegotiator.CreateAnswer(SdpText.Parse(HoldSdps.LinphoneResume), Defaults, Local, hold.Answer);

        Assert.Equal([7UL, 8UL, 9UL], new[] { active, hold, resume }.Select(r => r.Answer!.Origin.SessionVersion));
        Assert.Equal([SdpDirection.SendRecv, SdpDirection.RecvOnly, SdpDirection.SendRecv], new[] { active, hold, resume }.Select(r => r.Answer!.Media[0].Direction!.Value));
        Assert.Equal(HoldTransition.None, active.Media!.HoldChangeSince(null));
        Assert.Equal(HoldTransition.Held, hold.Media!.HoldChangeSince(active.Media));
        Assert.Equal(HoldTransition.None, hold.Media.HoldChangeSince(hold.Media));
        Assert.Equal(HoldTransition.Resumed, resume.Media!.HoldChangeSince(hold.Media));
        Assert.Equal(SdpDirection.RecvOnly, hold.Media.Direction);
    }

    [Fact]
    public void The_session_id_and_origin_of_the_first_answer_stay_for_the_whole_dialog()
    {
        var first = SdpNegotiator.CreateAnswer(SdpText.Parse(HoldSdps.LinphoneActive), Defaults, Local with { SessionId = 555 }).Answer!;

        var later = SdpNegotiator.CreateAnswer(SdpText.Parse(HoldSdps.LinphoneHold), Defaults, Local with { SessionId = 1, RtpPort = 41000 }, first).Answer!;

        Assert.Equal(first.Origin with { SessionVersion = 8 }, later.Origin);
        Assert.Equal(41000, later.Media[0].Port);
    }

    [Fact]
    public void Old_style_hold_then_resume_is_detected()
    {
        var held = SdpNegotiator.CreateAnswer(SdpText.Parse(HoldSdps.OldStyleHold), Defaults, Local);
        var resumedOffer = SdpText.Parse(HoldSdps.OldStyleHold.Replace("c=IN IP4 0.0.0.0", "c=IN IP4 192.0.2.50").Replace("8000 8001", "8000 8002"));
        var resumed = SdpNegotiator.CreateAnswer(resumedOffer, Defaults, Local, held.Answer);

        Assert.Equal(HoldTransition.Held, held.Media!.HoldChangeSince(null));
        Assert.Equal(HoldTransition.Resumed, resumed.Media!.HoldChangeSince(held.Media));
        Assert.Equal(IPEndPoint.Parse("192.0.2.50:5004"), resumed.Media.RemoteRtp);
    }

    [Fact]
    public void Mutual_hold_is_inactive()
    {
        var result = SdpNegotiator.CreateAnswer(SdpText.Parse(HoldSdps.Inactive), Defaults, Local);

        Assert.Equal((SdpDirection.Inactive, true), (result.Media!.Direction, result.Media.IsHeldByPeer));
        Assert.Equal(SdpDirection.Inactive, result.Answer!.Media[0].Direction);
    }

    [Fact]
    public void Our_hold_and_resume_re_offers_increment_the_version_and_a_repeat_does_not()
    {
        var first = SdpNegotiator.CreateOffer(Defaults, Local);
        var hold = SdpNegotiator.CreateOffer(Defaults, Local with { Direction = SdpDirection.SendOnly }, first);
        var holdAgain = SdpNegotiator.CreateOffer(Defaults, Local with { Direction = SdpDirection.SendOnly }, hold);
        var resume = SdpNegotiator.CreateOffer(Defaults, Local, holdAgain);

        Assert.Equal([7UL, 8UL, 8UL, 9UL], new[] { first, hold, holdAgain, resume }.Select(o => o.Origin.SessionVersion));
        Assert.Equal(hold, holdAgain);
        Assert.Equal(SdpDirection.SendOnly, hold.Media[0].Direction);
        Assert.Equal(first.Media, resume.Media);
    }

    [Fact]
    public void A_re_offer_keeps_the_m_lines_of_our_previous_answer_with_refused_streams_at_port_0()
    {
        var answer = SdpNegotiator.CreateAnswer(SdpText.Parse(Rfc4317Examples.AudioVideoOffer), Defaults, Local).Answer!;

        var reOffer = SdpNegotiator.CreateOffer(Defaults, Local with { Direction = SdpDirection.SendOnly }, answer);

        Assert.Equal(["audio", "video"], reOffer.Media.Select(m => m.Media));
        Assert.Equal([40000, 0], reOffer.Media.Select(m => m.Port));
        Assert.Equal(["0", "8", "101"], reOffer.Media[0].Formats);
        Assert.Equal(answer.Origin.SessionVersion + 1, reOffer.Origin.SessionVersion);
    }

    [Fact]
    public void A_re_offer_puts_the_audio_where_the_active_audio_stream_was()
    {
        var answer = SdpNegotiator.CreateAnswer(SdpNegotiatorAnswerTests.Offer("m=audio 5000 RTP/AVP 18\nm=audio 5002 RTP/AVP 0\nm=video 5004 RTP/AVP 31"), Defaults, Local).Answer!;

        var reOffer = SdpNegotiator.CreateOffer(Defaults, Local, answer);

        Assert.Equal([0, 40000, 0], reOffer.Media.Select(m => m.Port));
        Assert.Equal(["18"], reOffer.Media[0].Formats);
    }

    [Fact]
    public void Without_any_active_audio_the_re_offer_reuses_the_first_audio_line_or_adds_one()
    {
        var disabledAudio = SdpNegotiatorAnswerTests.Offer("m=video 0 RTP/AVP 31\nm=audio 0 RTP/AVP 0");
        var noAudio = SdpNegotiatorAnswerTests.Offer("m=video 0 RTP/AVP 31");

        Assert.Equal([0, 40000], SdpNegotiator.CreateOffer(Defaults, Local, disabledAudio).Media.Select(m => m.Port));
        Assert.Equal(["video", "audio"], SdpNegotiator.CreateOffer(Defaults, Local, noAudio).Media.Select(m => m.Media));
    }

    [Fact]
    public void A_new_remote_address_in_a_re_offer_moves_the_stream()
    {
        var first = SdpNegotiator.CreateAnswer(SdpText.Parse(PeerSdps.Asterisk), Defaults, Local);
        var moved = SdpText.Parse(PeerSdps.Asterisk.Replace("203.0.113.5", "203.0.113.9").Replace("17414", "18000").Replace("1706004734", "1706004735"));

        var second = SdpNegotiator.CreateAnswer(moved, Defaults, Local, first.Answer);

        Assert.Equal(IPEndPoint.Parse("203.0.113.9:18000"), second.Media!.RemoteRtp);
        Assert.Equal(first.Answer, second.Answer);
        Assert.Equal(HoldTransition.None, second.Media.HoldChangeSince(first.Media));
    }

    [Fact]
    public void Remote_descriptions_are_classified_against_the_previous_one()
    {
        var active = SdpText.Parse(HoldSdps.LinphoneActive);
        var hold = SdpText.Parse(HoldSdps.LinphoneHold);

        Assert.Equal(RemoteSdpChange.Unchanged, SdpVersioning.Classify(active, SdpText.Parse(HoldSdps.LinphoneActive)));
        Assert.Equal(RemoteSdpChange.Changed, SdpVersioning.Classify(active, hold));
        Assert.Equal(RemoteSdpChange.ChangedWithoutNewVersion, SdpVersioning.Classify(active, hold with { Origin = active.Origin }));
        Assert.Equal(RemoteSdpChange.NewSession, SdpVersioning.Classify(active, hold with { Origin = hold.Origin with { SessionId = "1" } }));
        Assert.Equal(RemoteSdpChange.NewSession, SdpVersioning.Classify(active, active with { Origin = active.Origin with { Address = "192.0.2.31" } }));
    }

    [Fact]
    public void Stamping_without_a_previous_description_changes_nothing()
    {
        var offer = SdpNegotiator.CreateOffer(Defaults, Local);

        Assert.Same(offer, SdpVersioning.Stamp(offer, null));
    }

    [Fact]
    public void RFC_4317_section_2_2_second_offer_is_answered_with_the_video_still_refused()
    {
        var first = SdpNegotiator.CreateAnswer(SdpText.Parse(Rfc4317Examples.AudioVideoOffer), Defaults, Local);
        var second = SdpNegotiator.CreateAnswer(SdpText.Parse(Rfc4317Examples.AudioVideo2SecondOffer), Defaults, Local, first.Answer);

        Assert.Equal([40000, 0], second.Answer!.Media.Select(m => m.Port));
        Assert.Equal(new DnsEndPoint("host.atlanta.example.com", 51372, System.Net.Sockets.AddressFamily.InterNetwork), second.Media!.RemoteRtp);
        Assert.Equal(first.Answer!.Origin.SessionVersion + 1, second.Answer.Origin.SessionVersion);
    }

    [Fact]
    public void RFC_4317_section_3_2_hold_of_one_of_two_streams_is_seen_on_the_audio_stream()
    {
        var result = SdpNegotiator.CreateAnswer(SdpText.Parse(Rfc4317Examples.HoldTwoStreamsSecondOffer.Replace("97", "0").Replace("iLBC", "PCMU")), Defaults, Local);

        Assert.True(result.Media!.IsHeldByPeer);
        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
    }
}
