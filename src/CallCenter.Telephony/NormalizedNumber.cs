using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Telephony;

/// <summary>The outcome of <see cref="PhoneNumberNormalizer.Normalize"/>: an E.164 number or a problem.</summary>
public sealed record NormalizedNumber
{
    private NormalizedNumber(string? e164, PhoneNumberProblem? problem, string? message)
    {
        E164 = e164;
        Problem = problem;
        Message = message;
    }

    /// <summary>The number in E.164 form ("+" then country code and national number, digits only), when valid.</summary>
    public string? E164 { get; }

    /// <summary>What is wrong, when not valid.</summary>
    public PhoneNumberProblem? Problem { get; }

    /// <summary>An operator-facing sentence describing <see cref="Problem"/>; it never repeats the number.</summary>
    public string? Message { get; }

    /// <summary>True when <see cref="E164"/> holds the number.</summary>
    [MemberNotNullWhen(true, nameof(E164))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Message))]
    public bool IsValid => E164 is not null;

    internal static NormalizedNumber Valid(string e164) => new(e164, null, null);

    internal static NormalizedNumber Refused(PhoneNumberProblem problem, string message) => new(null, problem, message);

    /// <summary>The E.164 number, or the problem's message.</summary>
    public override string ToString() => E164 ?? $"{Problem}: {Message}";
}
