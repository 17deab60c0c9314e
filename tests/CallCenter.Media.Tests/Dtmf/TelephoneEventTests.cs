using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Tests.Dtmf;

/// <summary>RFC 4733 §2.3 event blocks, vectors built by hand from the bit layout.</summary>
public class TelephoneEventTests
{
    public static TheoryData<string, byte, bool, bool, byte, ushort> Vectors => new()
    {
        // event 1, no flags, volume 10, duration 160 (one 20 ms packet at 8 kHz)
        { "010A00A0", 1, false, false, 10, 160 },
        // sipp's dtmf_2833_1.pcap end packet: E set, volume 10, duration 2240
        { "018A08C0", 1, true, false, 10, 2240 },
        // '#' ending at the largest volume and duration: 1011 1111 = E, volume 63
        { "0BBFFFFF", 11, true, false, 63, 0xFFFF },
        // E and R both set, volume 0: 1100 0000
        { "05C00320", 5, true, true, 0, 800 },
        // R alone with volume 10: 0100 1010
        { "004A0000", 0, false, true, 10, 0 },
        // volume 63 alone: a 0xCF mask would read 15 and mistake the high bits for volume
        { "0F3F0001", 15, false, false, 63, 1 },
        // volume 48 with E: 1011 0000; a 0xCF mask would read 0x80 = 128
        { "0AB01234", 10, true, false, 48, 0x1234 },
        // non-DTMF event (16 = hook flash) parses the same way
        { "10000050", 16, false, false, 0, 80 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Blocks_read_as_laid_out_in_section_2_3(string hex, byte code, bool end, bool reserved, byte volume, ushort duration)
    {
        Assert.True(TelephoneEvent.TryRead(Convert.FromHexString(hex), out var block));

        Assert.Equal(code, block.EventCode);
        Assert.Equal(end, block.End);
        Assert.Equal(reserved, block.Reserved);
        Assert.Equal(volume, block.Volume);
        Assert.Equal(duration, block.Duration);
        Assert.Equal(code <= 15, block.IsDtmf);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Blocks_write_back_to_the_same_bytes(string hex, byte code, bool end, bool reserved, byte volume, ushort duration)
    {
        var bytes = new byte[4];
        new TelephoneEvent(code, end, volume, duration, reserved).WriteTo(bytes);

        Assert.Equal(hex, Convert.ToHexString(bytes));
    }

    [Fact]
    public void Senders_leave_the_reserved_bit_clear_by_default()
    {
        var bytes = TelephoneEventPayload.ToBytes(new TelephoneEvent(11, end: true, volume: 63, duration: 0xFFFF));

        Assert.Equal("0BBFFFFF", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Volume_beyond_six_bits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelephoneEvent(1, false, 64, 0));
    }

    [Fact]
    public void Fewer_than_four_bytes_are_not_a_block()
    {
        Assert.False(TelephoneEvent.TryRead([1, 10, 0], out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelephoneEvent(1, false, 10, 0).WriteTo(new byte[3]));
    }
}
