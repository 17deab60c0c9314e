using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>
/// RFC 4475 §3.1.2 and §3.2: the details behind the verdicts in <see cref="Rfc4475Tests"/>, and variants that
/// isolate each fault where a message carries several.
/// </summary>
public class Rfc4475InvalidMessageTests
{
    private static byte[] Variant(string file, string from, string to)
    {
        var text = Encoding.Latin1.GetString(TortureCorpus.Load(file));
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void Section_3_1_2_2_clerr_still_yields_the_request_so_the_400_can_be_routed()
    {
        var result = SipParser.Parse(TortureCorpus.Load("clerr"));

        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.Equal("Content-Length 9999 is larger than the 154-byte body received", result.Error);
        Assert.Equal("host5.example.com", request.TopVia!.Host);
    }

    [Fact]
    public void Section_3_1_2_4_scalar02_with_only_Max_Forwards_too_large_is_still_refused()
    {
        var verdict = ServerVerdict.For(Variant("scalar02", "36893488147419103232 REGISTER", "1 REGISTER"));

        Assert.Equal(400, verdict.StatusCode);
        Assert.Equal("Max-Forwards must be a number from 0 to 255, not '300'", verdict.Reason);
    }

    [Fact]
    public void Section_3_1_2_4_scalar02_with_only_expiry_values_too_large_is_accepted_with_the_largest_expiry()
    {
        var data = Variant("scalar02", "36893488147419103232 REGISTER", "1 REGISTER");
        data = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(data).Replace("Max-Forwards: 300", "Max-Forwards: 30", StringComparison.Ordinal));

        var verdict = ServerVerdict.For(data);

        Assert.Equal(Outcome.Accept, verdict.Outcome);
        Assert.Equal(uint.MaxValue, verdict.Request.Expires);
        Assert.True(verdict.Request.TryGetContacts(out var contacts, out _, out _));
        Assert.Equal(uint.MaxValue, SipMessage.ParseDeltaSeconds(Assert.Single(contacts).Parameters.Get("expires")));
    }

    [Fact]
    public void Section_3_1_2_4_a_malformed_Expires_reads_as_3600_instead_of_refusing_the_request()
    {
        var data = Variant("scalar02", "36893488147419103232 REGISTER", "1 REGISTER");
        var text = Encoding.Latin1.GetString(data).Replace("Max-Forwards: 300", "Max-Forwards: 30", StringComparison.Ordinal);
        text = text.Replace("Expires: 1000", "Expires: Thu, 01 Dec 1994 16:00:00 GMT\r\nX-Old: 1000", StringComparison.Ordinal);

        var verdict = ServerVerdict.For(Encoding.Latin1.GetBytes(text));

        Assert.Equal(Outcome.Accept, verdict.Outcome);
        Assert.Equal(SipMessage.MalformedExpiresSeconds, verdict.Request.Expires);
    }

    [Fact]
    public void Section_3_1_2_5_scalarlg_response_is_dropped_for_its_CSeq()
    {
        var verdict = ServerVerdict.For(TortureCorpus.Load("scalarlg"));

        Assert.Equal(Outcome.Drop, verdict.Outcome);
        Assert.Equal(503, verdict.Response.StatusCode);
        Assert.StartsWith("Bad CSeq header", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_3_1_2_12_baddate_is_accepted_with_its_Date_left_untouched()
    {
        var verdict = ServerVerdict.For(TortureCorpus.Load("baddate"));

        Assert.Equal(Outcome.Accept, verdict.Outcome);
        Assert.Equal("Fri, 01 Jan 2010 16:00:00 EST", verdict.Request.Headers[KnownHeader.Date]);
    }

    [Fact]
    public void Section_3_1_2_16_badvers_can_be_answered_505_through_its_SIP_7_0_Via()
    {
        var verdict = ServerVerdict.For(TortureCorpus.Load("badvers"));

        Assert.Equal(505, verdict.StatusCode);
        Assert.Equal("SIP/7.0", verdict.Request.Version);
        Assert.Equal("7.0", verdict.Request.TopVia!.ProtocolVersion);
        Assert.Equal("c.example.com", verdict.Request.TopVia.Host);
    }

    [Fact]
    public void Section_3_1_2_18_mismatch02_with_a_known_method_is_a_400_again()
    {
        var verdict = ServerVerdict.For(Variant("mismatch02", "NEWMETHOD sip:", "OPTIONS sip:"));

        Assert.Equal(400, verdict.StatusCode);
        Assert.Equal("CSeq method INVITE does not match the request method OPTIONS", verdict.Reason);
    }

    [Fact]
    public void Section_3_1_2_19_bigcode_yields_no_message_at_all()
    {
        var result = SipParser.Parse(TortureCorpus.Load("bigcode"));

        Assert.Null(result.Message);
        Assert.Equal("status code is not three digits", result.Error);
    }

    [Fact]
    public void Section_3_2_1_badbranch_has_the_cookie_alone_and_a_real_branch_passes()
    {
        var verdict = ServerVerdict.For(TortureCorpus.Load("badbranch"));
        var fixedVerdict = ServerVerdict.For(Variant("badbranch", "branch=z9hG4bK\r\n", "branch=z9hG4bKx\r\n"));

        Assert.Equal(ViaHeader.MagicCookie, verdict.Request.TopVia!.Branch);
        Assert.Equal(400, verdict.StatusCode);
        Assert.Equal(Outcome.Accept, fixedVerdict.Outcome);
    }
}
