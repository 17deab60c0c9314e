using CallCenter.Media.Dtmf;
using CallCenter.Media.Tests.Dtmf.Support;
using static CallCenter.Media.Tests.Dtmf.Support.EventPacket;

namespace CallCenter.Media.Tests.Dtmf;

/// <summary>The receiver against what sipp sends (PEERS.md): shipped pcaps with fixed numbers, and play_dtmf.</summary>
public class Rfc4733ReceiverSippTests
{
    private const uint PhoneSsrc = 0x11223344;

    [Fact]
    public void A_sipp_shipped_pcap_is_one_press()
    {
        var receiver = new Rfc4733Receiver();

        var press = Assert.Single(Feed(receiver, SippShippedPcaps.Play('1', 500)));

        Assert.Equal('1', press.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(280), press.Duration);
        Assert.Equal(10, press.Volume);
        Assert.Equal(Origin.AddMilliseconds(500), press.StartTime);
    }

    [Fact]
    public void The_same_sipp_pcap_played_twice_a_second_apart_is_two_presses()
    {
        var receiver = new Rfc4733Receiver();
        var packets = SippShippedPcaps.Play('1', 0).Concat(SippShippedPcaps.Play('1', 1000));

        var events = Feed(receiver, packets);

        Assert.Equal("11", string.Concat(events.Select(e => e.Digit)));
        Assert.Equal(Origin.AddMilliseconds(1000), events[1].StartTime);
    }

    [Fact]
    public void Several_sipp_pcaps_give_their_keys_in_order()
    {
        var receiver = new Rfc4733Receiver();
        var packets = new[] { '5', '*', '5', '#', '1', '1' }.SelectMany((digit, i) => SippShippedPcaps.Play(digit, i * 400));

        Assert.Equal("5*5#11", string.Concat(Feed(receiver, packets).Select(e => e.Digit)));
    }

    [Fact]
    public void A_new_ssrc_is_accepted_and_its_presses_counted()
    {
        // sipp's play_dtmf uses its own SSRC, with timestamps restarting at each play.
        var receiver = new Rfc4733Receiver();
        var packets = Press('4', PhoneSsrc, 0, 0)
            .Concat(Press('2', 0xCAFEBABE, 0, 300))
            .Concat(Press('#', 0xCAFEBABE, 1600, 500))
            .Concat(Press('4', 0xDEADBEEF, 0, 700));

        Assert.Equal("42#4", string.Concat(Feed(receiver, packets).Select(e => e.Digit)));
    }

    [Fact]
    public void An_older_timestamp_long_after_the_running_key_started_is_a_new_press()
    {
        // sipp's shipped pcaps carry fixed timestamps: '1' (13280) after '5' (43200) is simply the next key,
        // even when the end packets of '5' were all lost.
        var receiver = new Rfc4733Receiver();
        var five = SippShippedPcaps.Play('5', 0).Take(5);
        var one = SippShippedPcaps.Play('1', 400);

        var events = Feed(receiver, five.Concat(one));

        Assert.Equal("51", string.Concat(events.Select(e => e.Digit)));
        Assert.Equal(TimeSpan.FromMilliseconds(280), events[1].Duration);
    }
}
