namespace CallCenter.Telephony;

/// <summary>Why a dialled string is not a number that can be called.</summary>
public enum PhoneNumberProblem
{
    /// <summary>Nothing but spaces and punctuation.</summary>
    Empty,

    /// <summary>Letters or symbols that are not part of a phone number.</summary>
    NotANumber,

    /// <summary>The default region is not an ISO 3166 alpha-2 code with a numbering plan, and the number has no '+'.</summary>
    UnknownRegion,

    /// <summary>The international number starts with a country code that does not exist.</summary>
    InvalidCountryCode,

    /// <summary>Fewer digits than any number of that country has.</summary>
    TooShort,

    /// <summary>More digits than any number of that country has.</summary>
    TooLong,

    /// <summary>The right length, but not in any range the country has allocated.</summary>
    Invalid,
}
