namespace CallCenter.Telephony.Tests;

public class PhoneNumberNormalizerTests
{
    private readonly PhoneNumberNormalizer _normalizer = new();

    [Theory]
    // Philippines: mobile and Metro Manila landline, national and international forms.
    [InlineData("09171234567", "PH", "+639171234567")]
    [InlineData("0917 123 4567", "PH", "+639171234567")]
    [InlineData("0917-123-4567", "PH", "+639171234567")]
    [InlineData("+63 917 123 4567", "PH", "+639171234567")]
    [InlineData("00639171234567", "PH", "+639171234567")]
    [InlineData("(02) 8123 4567", "PH", "+63281234567")]
    // Malaysia: mobile, national and international.
    [InlineData("012-345 6789", "MY", "+60123456789")]
    [InlineData("+60 12-345 6789", "MY", "+60123456789")]
    [InlineData("+60123456789", "PH", "+60123456789")]
    // United Kingdom: mobile and London landline.
    [InlineData("07400 123456", "GB", "+447400123456")]
    [InlineData("+44 7400 123456", "GB", "+447400123456")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("00 44 20 7946 0018", "PH", "+442079460018")]
    // United States: national with brackets, with trunk prefix 1, international dialled from the US.
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    [InlineData("1-201-555-0123", "US", "+12015550123")]
    [InlineData("+1 201.555.0123", "GB", "+12015550123")]
    [InlineData("011 44 7400 123456", "US", "+447400123456")]
    public void Valid_numbers_normalise_to_e164(string dialled, string region, string expected)
    {
        NormalizedNumber result = _normalizer.Normalize(dialled, region);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(expected, result.E164);
        Assert.True(_normalizer.IsValid(dialled, region));
    }

    [Fact]
    public void The_region_may_be_written_in_lower_case()
    {
        Assert.Equal("+639171234567", _normalizer.Normalize("09171234567", "ph").E164);
    }

    [Theory]
    [InlineData("", PhoneNumberProblem.Empty, "no number was given")]
    [InlineData("  - () ", PhoneNumberProblem.Empty, "no number was given")]
    [InlineData("hello there", PhoneNumberProblem.NotANumber, "the text is not a phone number")]
    [InlineData("+1 201-555", PhoneNumberProblem.TooShort, "the number is too short for its country")]
    [InlineData("+44 1", PhoneNumberProblem.TooShort, "the number is too short")]
    [InlineData("091712345678901", PhoneNumberProblem.TooLong, "the number is too long for its country")]
    [InlineData("+999 1234 5678", PhoneNumberProblem.InvalidCountryCode, "the number starts with a country code that does not exist")]
    public void Bad_input_gives_a_clear_problem(string dialled, PhoneNumberProblem problem, string message)
    {
        NormalizedNumber result = _normalizer.Normalize(dialled, "PH");

        Assert.False(result.IsValid);
        Assert.Equal((problem, message), (result.Problem, result.Message));
        Assert.Null(result.E164);
        Assert.False(_normalizer.IsValid(dialled, "PH"));
    }

    [Fact]
    public void A_number_of_valid_length_in_an_unallocated_range_is_invalid()
    {
        NormalizedNumber result = _normalizer.Normalize("(201) 055-0123", "US");

        Assert.Equal(PhoneNumberProblem.Invalid, result.Problem);
    }

    [Fact]
    public void A_national_number_with_an_unknown_region_names_the_region()
    {
        NormalizedNumber result = _normalizer.Normalize("09171234567", "XX");

        Assert.Equal(PhoneNumberProblem.UnknownRegion, result.Problem);
        Assert.Equal("the number has no country code and the default region \"XX\" is not a known ISO 3166 alpha-2 code (such as PH, MY, GB, US)", result.Message);
    }

    [Fact]
    public void An_international_number_does_not_need_a_known_region()
    {
        Assert.Equal("+639171234567", _normalizer.Normalize("+639171234567", "XX").E164);
    }

    [Fact]
    public void Messages_never_repeat_the_number()
    {
        NormalizedNumber result = _normalizer.Normalize("0917123", "PH");

        Assert.DoesNotContain("0917123", result.Message);
    }
}
