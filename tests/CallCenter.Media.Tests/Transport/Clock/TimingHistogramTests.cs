using CallCenter.Media.Transport.Clock;

namespace CallCenter.Media.Tests.Transport.Clock;

public class TimingHistogramTests
{
    [Fact]
    public void Percentiles_come_from_10_microsecond_buckets()
    {
        var histogram = new TimingHistogram();
        for (int i = 1; i <= 100; i++)
        {
            histogram.Record(TimeSpan.FromMicroseconds(i * 100 + 3));
        }

        Assert.Equal(100, histogram.Count);
        Assert.Equal(TimeSpan.FromMicroseconds(5000), histogram.Percentile(50));
        Assert.Equal(TimeSpan.FromMicroseconds(9900), histogram.Percentile(99));
        Assert.Equal(TimeSpan.FromMicroseconds(100), histogram.Percentile(1));
        Assert.Equal(TimeSpan.FromMicroseconds(103), histogram.Min);
        Assert.Equal(TimeSpan.FromMicroseconds(10003), histogram.Max);
    }

    [Fact]
    public void Values_past_the_range_land_in_the_last_bucket_and_keep_an_exact_maximum()
    {
        var histogram = new TimingHistogram();
        histogram.Record(TimeSpan.FromSeconds(3));
        histogram.Record(TimeSpan.FromTicks(-5));
        Assert.Equal(TimeSpan.FromSeconds(3), histogram.Max);
        Assert.Equal(TimeSpan.Zero, histogram.Percentile(50));
        Assert.Equal(TimeSpan.FromMilliseconds(199.99), histogram.Percentile(100));
    }

    [Fact]
    public void Empty_and_reset()
    {
        var histogram = new TimingHistogram();
        Assert.Equal(TimeSpan.Zero, histogram.Percentile(99));
        histogram.Record(TimeSpan.FromMilliseconds(20));
        histogram.Reset();
        Assert.Equal(0, histogram.Count);
        Assert.Equal(TimeSpan.Zero, histogram.Percentile(50));
    }
}
