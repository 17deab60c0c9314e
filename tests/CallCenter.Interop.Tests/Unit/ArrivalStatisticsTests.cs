using System.Diagnostics;
using CallCenter.Interop.Tests.Media;

namespace CallCenter.Interop.Tests.Unit;

public sealed class ArrivalStatisticsTests
{
    [Fact]
    public void Gaps_are_the_milliseconds_between_consecutive_arrivals()
    {
        var ms = Stopwatch.Frequency / 1000;

        var gaps = ArrivalStatistics.GapsMilliseconds([0, 20 * ms, 41 * ms]);

        Assert.Equal([20.0, 21.0], gaps);
    }

    [Fact]
    public void One_arrival_has_no_gap()
    {
        Assert.Empty(ArrivalStatistics.GapsMilliseconds([5]));
    }

    [Theory]
    [InlineData(50, 3)]
    [InlineData(99, 5)]
    [InlineData(100, 5)]
    [InlineData(20, 1)]
    public void Percentile_is_the_nearest_rank(double percent, double expected)
    {
        Assert.Equal(expected, ArrivalStatistics.Percentile([5, 1, 4, 2, 3], percent));
    }

    [Fact]
    public void Percentile_of_nothing_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => ArrivalStatistics.Percentile([], 50));
    }
}
