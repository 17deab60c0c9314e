using BenchmarkDotNet.Attributes;
using CallCenter.Sip.Message;

namespace CallCenter.Bench;

/// <summary>
/// Cost of producing wire bytes. The 200 OK answers the captured REGISTER the way a registrar does
/// (RFC 3261 §10.3 step 8): <see cref="ResponseFactory.Create"/> plus the bound Contact with its expires
/// and an Expires header. The INVITE is re-serialised straight after parsing, as a proxy would forward it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(launchCount: SipJob.Launches, warmupCount: SipJob.Warmups, iterationCount: SipJob.Iterations)]
public class SipSerializeBenchmarks
{
    private const string ToTag = "8f14e45fceea167a";

    private SipRequest _register = null!;
    private SipResponse _registerOk = null!;
    private SipMessage _parsedInvite = null!;

    /// <summary>
    /// Parses and validates the REGISTER once, as the server has done before it answers; builds the 200 OK
    /// once for the serialise-only case; parses the INVITE without touching its values.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _register = (SipRequest)SipParser.Parse(CapturedMessages.RegisterWithAuthorization()).Message!;
        if (SipMessageValidator.Validate(_register) is { } failure)
        {
            throw new InvalidOperationException($"The captured REGISTER fails validation: {failure}");
        }

        _registerOk = BuildRegisterOk(_register);
        _parsedInvite = SipParser.Parse(CapturedMessages.Invite()).Message
            ?? throw new InvalidOperationException("The captured INVITE does not parse.");
    }

    /// <summary>SipSerializer.Serialize of a ready-built 200 OK to the REGISTER.</summary>
    [Benchmark]
    public byte[] SerializeRegisterOk() => SipSerializer.Serialize(_registerOk);

    /// <summary>ResponseFactory.Create + Contact + Expires, then serialise: the registrar's whole reply cost.</summary>
    [Benchmark]
    public byte[] BuildAndSerializeRegisterOk() => SipSerializer.Serialize(BuildRegisterOk(_register));

    /// <summary>SipSerializer.Serialize of a parsed, untouched INVITE (raw header bytes copied).</summary>
    [Benchmark]
    public byte[] ReserializeParsedInvite() => SipSerializer.Serialize(_parsedInvite);

    private static SipResponse BuildRegisterOk(SipRequest register)
    {
        var response = ResponseFactory.Create(register, 200, toTag: ToTag);
        response.Headers.Add(KnownHeader.Contact, "<sip:1001-0x55e503e110d0@192.0.2.2:5060>;expires=3600");
        response.Headers.Add(KnownHeader.Expires, "3600");
        return response;
    }
}
