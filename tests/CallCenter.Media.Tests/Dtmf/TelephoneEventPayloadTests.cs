using CallCenter.Media.Dtmf;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Dtmf;

public class TelephoneEventPayloadTests
{
    [Fact]
    public void Packed_events_are_read_in_order()
    {
        // §2.5.1.5: '1' ended after 800 units, then '2' running for 160 units.
        Assert.True(TelephoneEventPayload.TryParse(Convert.FromHexString("018A0320020A00A0"), out var events, out var error));

        Assert.Equal(string.Empty, error);
        Assert.Equal(2, events.Length);
        Assert.Equal(new TelephoneEvent(1, true, 10, 800), events[0]);
        Assert.Equal(new TelephoneEvent(2, false, 10, 160), events[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("010A00")]
    [InlineData("010A00A001")]
    [InlineData("010A00A0010A00")]
    public void Payloads_that_are_not_whole_blocks_are_errors(string hex)
    {
        Assert.False(TelephoneEventPayload.TryParse(Convert.FromHexString(hex), out var events, out var error));

        Assert.Empty(events);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Writing_several_events_concatenates_their_blocks()
    {
        var bytes = TelephoneEventPayload.ToBytes(new TelephoneEvent(10, true, 10, 400), new TelephoneEvent(11, false, 12, 80));

        Assert.Equal("0A8A01900B0C0050", Convert.ToHexString(bytes));
        Assert.Equal(8, TelephoneEventPayload.GetSize(2));
    }

    [Fact]
    public void Writing_nothing_or_into_too_small_a_buffer_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TelephoneEventPayload.ToBytes());
        Assert.Throws<ArgumentOutOfRangeException>(() => TelephoneEventPayload.Write([new TelephoneEvent(1, false, 0, 0)], new byte[3]));
    }

    [Property(MaxTest = 2000)]
    public Property Random_bytes_never_throw_and_whole_blocks_round_trip() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            bytes ??= [];
            var parsed = TelephoneEventPayload.TryParse(bytes, out var events, out var error);
            var wellFormed = bytes.Length > 0 && bytes.Length % 4 == 0;
            // Every bit has a field (R included), so a parsed payload writes back identically.
            return parsed == wellFormed
                && (parsed ? error.Length == 0 && TelephoneEventPayload.ToBytes(events).SequenceEqual(bytes) : error.Length > 0);
        });
}
