using CallCenter.Media.Sdp;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>The event lists of telephone-event fmtp lines (RFC 4733 §7.1.1).</summary>
public class TelephoneEventSetTests
{
    [Theory]
    [InlineData("0-15", "0-15")]
    [InlineData("0-16", "0-16")]
    [InlineData("0-11,16", "0-11,16")]
    [InlineData("16,0-11", "0-11,16")]
    [InlineData("0,1,2-4,5-15,66,67", "0-15,66-67")]
    [InlineData("5,6,7", "5-7")]
    [InlineData("0", "0")]
    [InlineData("255", "255")]
    [InlineData("0-255", "0-255")]
    [InlineData("3-3", "3")]
    [InlineData("127-129", "127-129")]
    public void Valid_lists_read_and_write_in_compact_ascending_form(string text, string written)
    {
        Assert.True(TelephoneEventSet.TryParse(text, out var set));
        Assert.Equal(written, set.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0-5.")]
    [InlineData("-12")]
    [InlineData("12-")]
    [InlineData("1,12-,4")]
    [InlineData(",2,3")]
    [InlineData("1,2,3,")]
    [InlineData("1,,3")]
    [InlineData("1-2-3")]
    [InlineData("33-2")]
    [InlineData("256")]
    [InlineData("0-256")]
    [InlineData("0-15 ")]
    [InlineData("0, 15")]
    [InlineData("0016")]
    [InlineData("events=0-15")]
    public void Invalid_lists_are_refused(string? text)
    {
        Assert.False(TelephoneEventSet.TryParse(text, out var set));
        Assert.True(set.IsEmpty);
    }

    [Fact]
    public void Named_sets_and_membership()
    {
        Assert.Equal("0-15", TelephoneEventSet.Dtmf.ToString());
        Assert.Equal("0-16", TelephoneEventSet.DtmfAndFlash.ToString());
        Assert.True(TelephoneEventSet.DtmfAndFlash.Contains(16));
        Assert.False(TelephoneEventSet.Dtmf.Contains(16));
        Assert.False(TelephoneEventSet.Dtmf.Contains(-1));
        Assert.False(TelephoneEventSet.Dtmf.Contains(256));
        Assert.Equal(Enumerable.Range(0, 17), TelephoneEventSet.DtmfAndFlash.Events);
        Assert.True(default(TelephoneEventSet).IsEmpty);
        Assert.Equal(string.Empty, default(TelephoneEventSet).ToString());
    }

    [Fact]
    public void Intersection_keeps_common_events_and_equality_is_by_content()
    {
        Assert.True(TelephoneEventSet.TryParse("0-11,16,200", out var offered));

        var common = offered.Intersect(TelephoneEventSet.DtmfAndFlash);

        Assert.Equal("0-11,16", common.ToString());
        Assert.True(TelephoneEventSet.TryParse("16,0-11", out var same));
        Assert.Equal(same, common);
        Assert.True(TelephoneEventSet.Range(200, 210).Intersect(TelephoneEventSet.Dtmf).IsEmpty);
    }

    [Fact]
    public void Codes_outside_0_to_255_cannot_be_added()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TelephoneEventSet.Dtmf.Add(256));
        Assert.Throws<ArgumentOutOfRangeException>(() => TelephoneEventSet.Range(-1, 3));
    }
}
