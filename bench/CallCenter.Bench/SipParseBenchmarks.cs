using BenchmarkDotNet.Attributes;
using CallCenter.Sip.Message;

namespace CallCenter.Bench;

/// <summary>
/// Cost of turning one received datagram into a request the stack can act on. "Parse" is
/// <see cref="SipParser.Parse"/> alone (start line, header index, body slice; header values stay
/// undecoded). "ParseAndValidate" adds <see cref="SipMessageValidator.Validate"/>, which decodes and
/// parses Via, From, To, CSeq, Call-ID, the Request-URI and Contact: the real per-request cost.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(launchCount: SipJob.Launches, warmupCount: SipJob.Warmups, iterationCount: SipJob.Iterations)]
public class SipParseBenchmarks
{
    private ReadOnlyMemory<byte> _invite;
    private ReadOnlyMemory<byte> _register;

    /// <summary>Loads the captures and checks that both parse and validate cleanly, so no error path is timed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _invite = CapturedMessages.Invite();
        _register = CapturedMessages.RegisterWithAuthorization();
        RequireValid(_invite, "INVITE");
        RequireValid(_register, "REGISTER");
    }

    /// <summary>SipParser.Parse of the 846-byte INVITE.</summary>
    [Benchmark]
    public SipMessage? ParseInvite() => SipParser.Parse(_invite).Message;

    /// <summary>Parse, then validate, the INVITE.</summary>
    [Benchmark]
    public SipMessageValidator.Failure? ParseAndValidateInvite() => ParseAndValidate(_invite);

    /// <summary>SipParser.Parse of the 708-byte REGISTER with Authorization.</summary>
    [Benchmark]
    public SipMessage? ParseRegister() => SipParser.Parse(_register).Message;

    /// <summary>Parse, then validate, the REGISTER.</summary>
    [Benchmark]
    public SipMessageValidator.Failure? ParseAndValidateRegister() => ParseAndValidate(_register);

    private static SipMessageValidator.Failure? ParseAndValidate(ReadOnlyMemory<byte> data) =>
        SipMessageValidator.Validate((SipRequest)SipParser.Parse(data).Message!);

    private static void RequireValid(ReadOnlyMemory<byte> data, string what)
    {
        var result = SipParser.Parse(data);
        if (!result.Success || result.Message is not SipRequest request)
        {
            throw new InvalidOperationException($"The captured {what} does not parse: {result.Error}");
        }

        if (SipMessageValidator.Validate(request) is { } failure)
        {
            throw new InvalidOperationException($"The captured {what} fails validation: {failure}");
        }
    }
}
