using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport;

public class RtpPortPoolTests
{
    [Fact]
    public void Hands_out_even_rtp_ports_with_rtcp_on_the_next()
    {
        var pool = new RtpPortPool(new MediaTransportOptions { PortMin = 10001, PortMax = 10010 });
        Assert.Equal(4, pool.Capacity);
        var leases = Enumerable.Range(0, 4).Select(_ => pool.Allocate()).ToArray();
        Assert.Equal(new[] { 10002, 10004, 10006, 10008 }, leases.Select(l => l.RtpPort));
        Assert.All(leases, l => Assert.Equal(l.RtpPort + 1, l.RtcpPort));
    }

    [Fact]
    public void A_range_ending_on_an_even_port_leaves_that_port_unused()
    {
        var pool = new RtpPortPool(new MediaTransportOptions { PortMin = 20000, PortMax = 20004 });
        Assert.Equal(2, pool.Capacity);
        Assert.Equal(20000, pool.Allocate().RtpPort);
        Assert.Equal(20002, pool.Allocate().RtpPort);
        Assert.False(pool.TryAllocate(out _));
    }

    [Fact]
    public void Exhaustion_is_a_clear_error()
    {
        var pool = new RtpPortPool(new MediaTransportOptions { PortMin = 30000, PortMax = 30003 });
        pool.Allocate();
        pool.Allocate();
        Assert.False(pool.TryAllocate(out var none));
        Assert.Null(none);
        var error = Assert.Throws<RtpPortsExhaustedException>(pool.Allocate);
        Assert.Equal(2, error.PairCount);
        Assert.Contains("30000-30003", error.Message);
    }

    [Fact]
    public void Released_pairs_go_to_the_back_of_the_queue()
    {
        var pool = new RtpPortPool(new MediaTransportOptions { PortMin = 40000, PortMax = 40005 });
        var first = pool.Allocate();
        first.Dispose();
        Assert.Equal(40002, pool.Allocate().RtpPort);
        Assert.Equal(40004, pool.Allocate().RtpPort);
        Assert.Equal(40000, pool.Allocate().RtpPort);
    }

    [Fact]
    public void Disposing_a_lease_twice_returns_it_once()
    {
        var pool = new RtpPortPool(new MediaTransportOptions { PortMin = 40000, PortMax = 40003 });
        var lease = pool.Allocate();
        lease.Dispose();
        lease.Dispose();
        Assert.True(lease.IsReleased);
        Assert.Equal(2, pool.Available);
        Assert.Equal(0, pool.InUse);
    }

    [Fact]
    public void Nothing_leaks_under_concurrent_allocate_and_release()
    {
        var pool = new RtpPortPool(new MediaTransportOptions { PortMin = 10000, PortMax = 10199 });
        Parallel.For(0, 8, worker =>
        {
            var random = new Random(worker);
            var held = new List<RtpPortLease>();
            for (int i = 0; i < 20_000; i++)
            {
                if ((held.Count == 0 || random.Next(2) == 0) && pool.TryAllocate(out var lease))
                {
                    held.Add(lease);
                }
                else if (held.Count > 0)
                {
                    int index = random.Next(held.Count);
                    held[index].Dispose();
                    held.RemoveAt(index);
                }
            }

            held.ForEach(l => l.Dispose());
        });

        Assert.Equal(pool.Capacity, pool.Available);
        Assert.Equal(0, pool.InUse);

        // Every pair can be taken again, each exactly once.
        var all = Enumerable.Range(0, pool.Capacity).Select(_ => pool.Allocate().RtpPort).ToHashSet();
        Assert.Equal(pool.Capacity, all.Count);
    }

    [Theory]
    [InlineData(1000, 2000)]
    [InlineData(20000, 10000)]
    [InlineData(10000, 70000)]
    [InlineData(10000, 10000)]
    [InlineData(10001, 10002)]
    public void Invalid_ranges_are_refused(int min, int max)
    {
        Assert.Throws<ArgumentException>(() => new RtpPortPool(new MediaTransportOptions { PortMin = min, PortMax = max }));
    }
}
