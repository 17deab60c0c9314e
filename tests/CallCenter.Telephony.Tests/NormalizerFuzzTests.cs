using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Telephony.Tests;

public class NormalizerFuzzTests
{
    private static readonly PhoneNumberNormalizer Normalizer = new();

    [Property(MaxTest = 500)]
    public void Any_text_and_region_give_a_result_without_throwing(NonNull<string> dialled, NonNull<string> region)
    {
        NormalizedNumber result = Normalizer.Normalize(dialled.Get, region.Get);

        Assert.True(result.IsValid ^ result.Problem is not null);
    }

    [Property(MaxTest = 300)]
    public Property Phone_like_text_never_throws_and_valid_results_are_e164()
    {
        Gen<string> phoneish = Gen.Elements("0123456789+-() .#*x".ToCharArray())
            .ArrayOf()
            .Select(chars => new string(chars));
        Gen<string> regions = Gen.Elements("PH", "MY", "GB", "US", "ZZ", "", "p");

        return Prop.ForAll(phoneish.ToArbitrary(), regions.ToArbitrary(), (text, region) =>
        {
            NormalizedNumber result = Normalizer.Normalize(text, region);
            return !result.IsValid || IsE164(result.E164);
        });
    }

    [Fact]
    public void Very_long_input_is_refused_not_thrown()
    {
        NormalizedNumber result = Normalizer.Normalize(new string('9', 10_000), "PH");

        Assert.False(result.IsValid);
    }

    // ITU-T E.164 §6: '+' then at most 15 digits, the first (country code) never 0.
    private static bool IsE164(string text) =>
        text.Length is >= 3 and <= 16 && text[0] == '+' && text[1] != '0' && text.Skip(1).All(char.IsAsciiDigit);
}
