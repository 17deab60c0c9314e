using PhoneNumbers;

namespace CallCenter.Telephony;

/// <summary>
/// Turns numbers as people type or phones send them ("0917 123 4567", "+44 7911-123456",
/// "00 60 12 345 6789") into E.164 (ITU-T E.164 §6: '+', country code, national number, at most
/// 15 digits), the one form callbacks, trunks and caller-ID comparisons use. Numbers without a
/// '+' or international prefix are read in the numbering plan of the default region.
/// Never throws for bad input: problems come back in the result.
/// </summary>
public sealed class PhoneNumberNormalizer
{
    // The library's metadata is immutable once loaded, so one shared instance is safe across threads.
    private readonly PhoneNumberUtil _numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Normalises <paramref name="dialled"/> to E.164.
    /// </summary>
    /// <param name="dialled">The number as typed or received; spaces, dashes, dots and brackets are ignored.</param>
    /// <param name="defaultRegion">ISO 3166-1 alpha-2 region (e.g. "PH") for numbers written in national form.</param>
    public NormalizedNumber Normalize(string dialled, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        ArgumentNullException.ThrowIfNull(defaultRegion);

        if (!dialled.Any(char.IsAsciiDigit) && !dialled.Any(char.IsLetter))
        {
            return NormalizedNumber.Refused(PhoneNumberProblem.Empty, "no number was given");
        }

        string region = defaultRegion.ToUpperInvariant();
        bool regionKnown = _numbers.GetSupportedRegions().Contains(region);
        PhoneNumber number;
        try
        {
            number = _numbers.Parse(dialled, regionKnown ? region : "ZZ");
        }
        catch (NumberParseException ex)
        {
            return FromParseError(ex.ErrorType, regionKnown, defaultRegion);
        }

        return Check(number);
    }

    /// <summary>True when <paramref name="dialled"/> normalises to a valid E.164 number.</summary>
    public bool IsValid(string dialled, string defaultRegion) => Normalize(dialled, defaultRegion).IsValid;

    private NormalizedNumber Check(PhoneNumber number)
    {
        PhoneNumberUtil.ValidationResult length = _numbers.IsPossibleNumberWithReason(number);
        switch (length)
        {
            case PhoneNumberUtil.ValidationResult.TOO_SHORT:
                return NormalizedNumber.Refused(PhoneNumberProblem.TooShort, "the number is too short for its country");
            case PhoneNumberUtil.ValidationResult.TOO_LONG:
                return NormalizedNumber.Refused(PhoneNumberProblem.TooLong, "the number is too long for its country");
            case PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE:
                return NormalizedNumber.Refused(PhoneNumberProblem.InvalidCountryCode, "the number starts with a country code that does not exist");
        }

        // Possible length but not an allocated range (or a length between two valid ones).
        if (!_numbers.IsValidNumber(number))
        {
            return NormalizedNumber.Refused(PhoneNumberProblem.Invalid, "the number is not a valid number in its country's numbering plan");
        }

        return NormalizedNumber.Valid(_numbers.Format(number, PhoneNumberFormat.E164));
    }

    private static NormalizedNumber FromParseError(ErrorType error, bool regionKnown, string defaultRegion) => error switch
    {
        ErrorType.INVALID_COUNTRY_CODE when !regionKnown => NormalizedNumber.Refused(
            PhoneNumberProblem.UnknownRegion,
            $"the number has no country code and the default region \"{defaultRegion}\" is not a known ISO 3166 alpha-2 code (such as PH, MY, GB, US)"),
        ErrorType.INVALID_COUNTRY_CODE => NormalizedNumber.Refused(PhoneNumberProblem.InvalidCountryCode, "the number starts with a country code that does not exist"),
        ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => NormalizedNumber.Refused(PhoneNumberProblem.TooShort, "the number is too short"),
        ErrorType.TOO_LONG => NormalizedNumber.Refused(PhoneNumberProblem.TooLong, "the number is too long"),
        _ => NormalizedNumber.Refused(PhoneNumberProblem.NotANumber, "the text is not a phone number"),
    };
}
