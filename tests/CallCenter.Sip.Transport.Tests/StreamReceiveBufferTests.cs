using CallCenter.Sip.Transport.Tcp;

namespace CallCenter.Sip.Transport.Tests;

public sealed class StreamReceiveBufferTests
{
    [Fact]
    public void CommittedBytesAreUnconsumedUntilConsumed()
    {
        var buffer = new StreamReceiveBuffer(8, 32);
        Assert.True(buffer.TryMakeRoom());
        "abcdef"u8.CopyTo(buffer.Free.Span);
        buffer.Commit(6);
        buffer.Consume(2);
        Assert.Equal("cdef"u8.ToArray(), buffer.Unconsumed.ToArray());
    }

    [Fact]
    public void MakingRoomMovesAPartialMessageToTheFront()
    {
        var buffer = new StreamReceiveBuffer(8, 8);
        "abcdefgh"u8.CopyTo(buffer.Free.Span);
        buffer.Commit(8);
        buffer.Consume(5);
        Assert.True(buffer.TryMakeRoom());
        Assert.Equal(8, buffer.Capacity);
        Assert.Equal(5, buffer.Free.Length);
        Assert.Equal("fgh"u8.ToArray(), buffer.Unconsumed.ToArray());
    }

    [Fact]
    public void GrowsByDoublingUpToTheMaximumAndNoFurther()
    {
        var buffer = new StreamReceiveBuffer(4, 10);
        var sizes = new List<int>();
        while (buffer.TryMakeRoom())
        {
            buffer.Free.Span.Fill((byte)'x');
            buffer.Commit(buffer.Free.Length);
            sizes.Add(buffer.Capacity);
        }

        Assert.Equal([4, 8, 10], sizes);
        Assert.Equal(10, buffer.Unconsumed.Length);
    }

    [Fact]
    public void ConsumingEverythingResetsToTheStart()
    {
        var buffer = new StreamReceiveBuffer(4, 4);
        buffer.Commit(3);
        buffer.Consume(3);
        Assert.Equal(4, buffer.Free.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Consume(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Commit(5));
    }
}
