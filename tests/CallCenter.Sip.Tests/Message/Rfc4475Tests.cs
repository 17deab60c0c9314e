using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>
/// RFC 4475: what the server does with each of the 49 torture messages, end to end (parse, validate, UAS checks).
/// Where the RFC allows a choice, the row says which one we made and why:
/// <list type="bullet">
/// <item>3.1.2.4 scalar02: 400 for the CSeq beyond 2^31; an over-large Expires alone would read as 2^32-1 and a
/// malformed one as 3600 (§20.19), but Max-Forwards 300 alone is still refused (see the variant tests).</item>
/// <item>3.1.2.9/10 lwsstart, trws, 3.1.2.11 escruri, 3.1.2.13 regbadct, 3.1.2.14 badaspec: refused rather than
/// repaired; the RFC allows either and a repaired request could be forwarded differently from what was sent.</item>
/// <item>3.1.2.12 baddate: accepted. Nothing here reads Date, and the RFC says not to refuse a request over a
/// header field the element does not use.</item>
/// <item>3.1.2.18 mismatch02: 501 (the RFC's preferred answer) rather than 400.</item>
/// <item>3.2.1 badbranch: 400 rather than falling back to RFC 2543 transaction matching.</item>
/// <item>3.3.4 unksm2: 400, as the RFC says a registrar answers a REGISTER whose To is not a SIP or SIPS URI.</item>
/// <item>3.3.10 bcast: dropped, because a UAC discards a response with more than one Via (RFC 3261 §8.1.3.3).</item>
/// <item>3.3.15 sdp01: 406 with Warning 399 (the RFC's first suggestion).</item>
/// </list>
/// </summary>
public class Rfc4475Tests
{
    public static TheoryData<string, string, Outcome, int, string> Expectations => new()
    {
        // 3.1.1 Valid messages
        { "3.1.1.1", "wsinv", Outcome.Accept, 0, "" },
        { "3.1.1.2", "intmeth", Outcome.Reject, 501, "Method Not Implemented" },
        { "3.1.1.3", "esc01", Outcome.Accept, 0, "" },
        { "3.1.1.4", "escnull", Outcome.Accept, 0, "" },
        { "3.1.1.5", "esc02", Outcome.Reject, 501, "unknown method 'RE%47IST%45R'" },
        { "3.1.1.6", "lwsdisp", Outcome.Accept, 0, "" },
        { "3.1.1.7", "longreq", Outcome.Accept, 0, "" },
        { "3.1.1.8", "dblreq", Outcome.Accept, 0, "" },
        { "3.1.1.9", "semiuri", Outcome.Accept, 0, "" },
        { "3.1.1.10", "transports", Outcome.Accept, 0, "" },
        { "3.1.1.11", "mpart01", Outcome.Reject, 405, "MESSAGE is not handled here" },
        { "3.1.1.12", "unreason", Outcome.Accept, 0, "" },
        { "3.1.1.13", "noreason", Outcome.Accept, 0, "" },

        // 3.1.2 Invalid messages
        { "3.1.2.1", "badinv01", Outcome.Reject, 400, "Bad Via: Via parameters: empty parameter name" },
        { "3.1.2.2", "clerr", Outcome.Reject, 400, "Content-Length 9999 is larger than" },
        { "3.1.2.3", "ncl", Outcome.Reject, 400, "Content-Length is not a non-negative number" },
        { "3.1.2.4", "scalar02", Outcome.Reject, 400, "Bad CSeq header: CSeq number is larger than 2^31-1" },
        { "3.1.2.5", "scalarlg", Outcome.Drop, 0, "Bad CSeq header" },
        { "3.1.2.6", "quotbal", Outcome.Reject, 400, "Bad To header: unterminated quoted display name" },
        { "3.1.2.7", "ltgtruri", Outcome.Reject, 400, "Request-URI contains white space or characters that are not allowed" },
        { "3.1.2.8", "lwsruri", Outcome.Reject, 400, "white space inside the Request-URI" },
        { "3.1.2.9", "lwsstart", Outcome.Reject, 400, "separated by single spaces" },
        { "3.1.2.10", "trws", Outcome.Reject, 400, "white space after the SIP version" },
        { "3.1.2.11", "escruri", Outcome.Reject, 400, "Request-URI must not contain headers" },
        { "3.1.2.12", "baddate", Outcome.Accept, 0, "" },
        { "3.1.2.13", "regbadct", Outcome.Reject, 400, "Bad Contact: a URI with ',' or '?' must be enclosed in <>" },
        { "3.1.2.14", "badaspec", Outcome.Reject, 400, "Bad To header" },
        { "3.1.2.15", "baddn", Outcome.Reject, 400, "Bad From header: display name has characters that must be quoted" },
        { "3.1.2.16", "badvers", Outcome.Reject, 505, "Version Not Supported" },
        { "3.1.2.17", "mismatch01", Outcome.Reject, 400, "CSeq method INVITE does not match the request method OPTIONS" },
        { "3.1.2.18", "mismatch02", Outcome.Reject, 501, "unknown method 'NEWMETHOD'" },
        { "3.1.2.19", "bigcode", Outcome.Drop, 0, "status code is not three digits" },

        // 3.2 Transaction-layer semantics
        { "3.2.1", "badbranch", Outcome.Reject, 400, "magic cookie alone" },

        // 3.3 Application-layer semantics
        { "3.3.1", "insuf", Outcome.Reject, 400, "Missing From, To, Call-ID headers" },
        { "3.3.2", "unkscm", Outcome.Reject, 416, "scheme 'nobodyknowsthisscheme' is not sip, sips or tel" },
        { "3.3.3", "novelsc", Outcome.Reject, 416, "scheme 'soap.beep' is not sip, sips or tel" },
        { "3.3.4", "unksm2", Outcome.Reject, 400, "The To of a REGISTER must be a sip: or sips: address of record, not isbn:" },
        { "3.3.5", "bext01", Outcome.Reject, 420, "nothingSupportsThis, nothingSupportsThisEither" },
        { "3.3.6", "invut", Outcome.Reject, 415, "Content-Type 'application/unknownformat'" },
        { "3.3.7", "regaut01", Outcome.Accept, 0, "" },
        { "3.3.8", "multi01", Outcome.Reject, 400, "Multiple From headers" },
        { "3.3.9", "mcl01", Outcome.Reject, 400, "conflicting Content-Length headers" },
        { "3.3.10", "bcast", Outcome.Drop, 0, "exactly one Via" },
        { "3.3.11", "zeromf", Outcome.Accept, 0, "" },
        { "3.3.12", "cparam01", Outcome.Accept, 0, "" },
        { "3.3.13", "cparam02", Outcome.Accept, 0, "" },
        { "3.3.14", "regescrt", Outcome.Accept, 0, "" },
        { "3.3.15", "sdp01", Outcome.Reject, 406, "rules out application/sdp" },

        // 3.4 Backward compatibility
        { "3.4.1", "inv2543", Outcome.Accept, 0, "" },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Server_answers_each_torture_message_as_RFC_4475_asks(string section, string file, Outcome outcome, int status, string reason)
    {
        var verdict = ServerVerdict.For(TortureCorpus.Load(file));

        Assert.True(
            verdict.Outcome == outcome && verdict.StatusCode == status,
            $"§{section} {file}: expected {outcome} {status}, got {verdict.Outcome} {verdict.StatusCode} \"{verdict.Reason}\"");
        Assert.Contains(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_torture_message_has_exactly_one_expectation()
    {
        var covered = Expectations.Select(row => (string)row[1]).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(49, covered.Length);
        Assert.Equal(TortureCorpus.Names, covered);
    }

    [Fact]
    public void Refused_requests_can_be_answered_through_their_top_Via_except_badinv01()
    {
        foreach (var (section, file, outcome, _, _) in Rows())
        {
            var verdict = ServerVerdict.For(TortureCorpus.Load(file));
            if (outcome == Outcome.Reject)
            {
                // badinv01's only Via is the malformed one, so no response can be routed by it (§18.2.2); RFC 4475
                // still asks for a 400, which only answering to the source address could deliver.
                Assert.True((verdict.Request.TopVia is not null) == (file != "badinv01"), $"§{section} {file}: top Via readability");
            }
        }
    }

    private static IEnumerable<(string Section, string File, Outcome Outcome, int Status, string Reason)> Rows() =>
        Expectations.Select(row => ((string)row[0], (string)row[1], (Outcome)row[2], (int)row[3], (string)row[4]));
}
