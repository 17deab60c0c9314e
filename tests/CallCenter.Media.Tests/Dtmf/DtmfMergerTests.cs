using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Tests.Dtmf;

public class DtmfMergerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_press_by_rfc4733_and_in_band_is_one_digit()
    {
        var merger = new DtmfMerger();

        Assert.True(merger.Offer(Press('5', DtmfMethod.Rfc4733, 0)));
        Assert.False(merger.Offer(Press('5', DtmfMethod.InBand, 30)));

        Assert.Equal("5", Read(merger));
    }

    [Fact]
    public void Whichever_method_reports_first_wins()
    {
        var merger = new DtmfMerger();

        Assert.True(merger.Offer(Press('1', DtmfMethod.InBand, 10)));
        Assert.False(merger.Offer(Press('1', DtmfMethod.Rfc4733, 0)));
        Assert.False(merger.Offer(Press('1', DtmfMethod.SipInfo, 200)));

        Assert.Equal(DtmfMethod.InBand, Assert.Single(ReadAll(merger)).Method);
    }

    [Fact]
    public void A_key_pressed_twice_and_reported_by_two_methods_is_two_digits()
    {
        var merger = new DtmfMerger();

        var accepted = new[]
        {
            merger.Offer(Press('1', DtmfMethod.Rfc4733, 0)),
            merger.Offer(Press('1', DtmfMethod.Rfc4733, 180)),
            merger.Offer(Press('1', DtmfMethod.InBand, 5)),
            merger.Offer(Press('1', DtmfMethod.InBand, 185)),
        };

        Assert.Equal([true, true, false, false], accepted);
        Assert.Equal("11", Read(merger));
    }

    [Fact]
    public void Reports_of_one_method_are_never_merged()
    {
        var merger = new DtmfMerger();

        Assert.True(merger.Offer(Press('7', DtmfMethod.SipInfo, 0)));
        Assert.True(merger.Offer(Press('7', DtmfMethod.SipInfo, 50)));
    }

    [Fact]
    public void Different_keys_are_never_merged()
    {
        var merger = new DtmfMerger();

        Assert.True(merger.Offer(Press('2', DtmfMethod.Rfc4733, 0)));
        Assert.True(merger.Offer(Press('3', DtmfMethod.InBand, 0)));
        Assert.Equal("23", Read(merger));
    }

    [Theory]
    [InlineData(250, false)]
    [InlineData(251, true)]
    [InlineData(-251, true)]
    public void Reports_further_apart_than_the_window_are_separate_presses(int apartMs, bool separate)
    {
        var merger = new DtmfMerger();
        merger.Offer(Press('9', DtmfMethod.Rfc4733, 1000));

        Assert.Equal(separate, merger.Offer(Press('9', DtmfMethod.InBand, 1000 + apartMs)));
    }

    [Fact]
    public void A_confirmation_goes_to_the_closest_press()
    {
        var merger = new DtmfMerger(new DtmfMergerOptions { Window = TimeSpan.FromMilliseconds(300) });
        merger.Offer(Press('4', DtmfMethod.Rfc4733, 0));
        merger.Offer(Press('4', DtmfMethod.Rfc4733, 200));

        // Closest to the second press; the first stays open for its own in-band report.
        Assert.False(merger.Offer(Press('4', DtmfMethod.InBand, 190)));
        Assert.False(merger.Offer(Press('4', DtmfMethod.InBand, 10)));
        Assert.True(merger.Offer(Press('4', DtmfMethod.InBand, 100)));
    }

    [Fact]
    public void Completing_the_stream_ends_the_reader_after_the_last_digit()
    {
        var merger = new DtmfMerger();
        merger.Offer(Press('#', DtmfMethod.SipInfo, 0));
        merger.Complete();

        Assert.Equal("#", Read(merger));
        Assert.True(merger.Digits.Completion.IsCompleted);
    }

    [Fact]
    public async Task Offers_from_many_threads_yield_one_digit_per_press()
    {
        // Remember every press: the threads may run far apart, unlike the methods of a real call.
        var merger = new DtmfMerger(new DtmfMergerOptions { RememberedPresses = 300 });
        var methods = new[] { DtmfMethod.Rfc4733, DtmfMethod.InBand, DtmfMethod.SipInfo };

        await Task.WhenAll(methods.Select(method => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                merger.Offer(Press(DtmfDigits.All[i % 16], method, i * 1000));
            }
        })));

        Assert.Equal(100, ReadAll(merger).Count);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfMerger(new DtmfMergerOptions { Window = TimeSpan.FromMilliseconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DtmfMerger(new DtmfMergerOptions { RememberedPresses = 0 }));
    }

    private static DtmfEvent Press(char digit, DtmfMethod method, int startMs) =>
        new(digit, method, T0.AddMilliseconds(startMs), TimeSpan.FromMilliseconds(100));

    private static List<DtmfEvent> ReadAll(DtmfMerger merger)
    {
        var events = new List<DtmfEvent>();
        while (merger.Digits.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    private static string Read(DtmfMerger merger) => string.Concat(ReadAll(merger).Select(e => e.Digit));
}
