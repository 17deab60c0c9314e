using CallCenter.Sip.SessionTimers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Sip.Tests.SessionTimers;

/// <summary>The session-timer parsers over generated input: nothing throws, and every value we write reads back as written.</summary>
public sealed class SessionTimerParserPropertyTests
{
    [Property(MaxTest = 2000)]
    public void Random_strings_never_throw(string? value)
    {
        _ = SessionExpires.TryParse(value, out _, out var error1);
        _ = MinSE.TryParse(value, out _, out var error2);
        Assert.NotNull(error1);
        Assert.NotNull(error2);
    }

    [Property(MaxTest = 2000, Arbitrary = [typeof(HeaderLike)])]
    public void Strings_made_of_header_fragments_never_throw(string value)
    {
        if (SessionExpires.TryParse(value, out var parsed, out _))
        {
            Assert.InRange(parsed.Seconds, 0, int.MaxValue);
        }

        _ = MinSE.TryParse(value, out _, out _);
    }

    [Property(MaxTest = 500)]
    public void Written_values_read_back(NonNegativeInt seconds, bool named, bool uac)
    {
        var value = new SessionExpires(seconds.Get, named ? (uac ? SessionRefresher.Uac : SessionRefresher.Uas) : null);

        Assert.True(SessionExpires.TryParse(value.ToString(), out var back, out var error), error);
        Assert.Equal(value, back);
        Assert.True(MinSE.TryParse(new MinSE(seconds.Get).ToString(), out var minimum, out _));
        Assert.Equal(seconds.Get, minimum.Seconds);
    }

    /// <summary>Strings built from the pieces these header fields are made of, in any order.</summary>
    public static class HeaderLike
    {
        private static readonly string[] Pieces =
            ["90", "1800", "0", "99999999999", ";", "refresher", "=", "uac", "uas", "UAC", " ", "\t", ",", "x-y", "\"q\"", "\"", "-", ".", "", "5"];

        // Short strings: a handful of pieces already covers every shape, and short ones hit the valid values too.
        public static Arbitrary<string> Strings() =>
            Gen.Choose(0, 8).SelectMany(count => Gen.ArrayOf(Gen.Elements(Pieces), count)).Select(parts => string.Concat(parts)).ToArbitrary();
    }

    [Fact]
    public void The_fragment_generator_reaches_valid_and_invalid_values()
    {
        var samples = HeaderLike.Strings().Generator.Sample(2000, 2000); // the generator ignores size, so either argument order gives 2,000 samples

        Assert.Contains(samples, sample => SessionExpires.TryParse(sample, out _, out _));
        Assert.Contains(samples, sample => !SessionExpires.TryParse(sample, out _, out _));
    }
}
