using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>parse(serialise(m)) gives back m: for every torture message that parses cleanly and for built messages.</summary>
public class SipRoundTripTests
{
    public static TheoryData<string> CleanlyParsedTortureMessages()
    {
        var data = new TheoryData<string>();
        foreach (var name in TortureCorpus.Names.Where(n => SipParser.Parse(TortureCorpus.Load(n)).Success))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Forty_one_torture_messages_parse_cleanly_and_the_parser_itself_refuses_eight()
    {
        // The others fail later (validator, UAS checks) or not at all; see Rfc4475Tests. Listed so that a change in
        // what the parser accepts is noticed.
        var refused = TortureCorpus.Names.Where(n => !SipParser.Parse(TortureCorpus.Load(n)).Success).ToArray();

        Assert.Equal(["bigcode", "clerr", "ltgtruri", "lwsruri", "lwsstart", "mcl01", "ncl", "trws"], refused);
        Assert.Equal(41, ((IEnumerable<object[]>)CleanlyParsedTortureMessages()).Count());
    }

    [Theory]
    [MemberData(nameof(CleanlyParsedTortureMessages))]
    public void Torture_messages_survive_serialisation(string name)
    {
        var original = SipParser.Parse(TortureCorpus.Load(name)).Message!;

        var serialised = original.ToBytes();
        var reparsed = SipParser.Parse(serialised);

        Assert.True(reparsed.Success, reparsed.Error);
        Assert.Equal(serialised, reparsed.Message!.ToBytes());
        RoundTripAssert.Same(original, reparsed.Message);
    }

    [Fact]
    public void Serialising_writes_long_names_and_one_trailing_Content_Length()
    {
        var request = (SipRequest)SipParser.Parse(TortureCorpus.Load("dblreq")).Message!;

        var text = Encoding.ASCII.GetString(request.ToBytes());

        Assert.StartsWith("REGISTER sip:example.com SIP/2.0\r\nTo: sip:j.user@example.com\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nCall-ID: dblreq.0ha0isndaksdj99sdfafnl3lk233412\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\nContent-Length: 0\r\n\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("INVITE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_built_from_typed_headers_parses_back_to_equal_typed_headers()
    {
        var uri = SipUri.Parse("sips:agent-7@[2001:db8::7]:5061;transport=tls");
        var request = new SipRequest(SipMethods.Invite, uri) { Body = Encoding.ASCII.GetBytes(UasSdp) };
        var via = new ViaHeader("tls", "cc.example.com", 5061, "z9hG4bK-built-1");
        via.Parameters.Set("rport", null);
        var from = new NameAddress(SipUri.Parse("sip:queue@cc.example.com"), "Support \"Queue\"") { Tag = "f-1" };
        var to = new NameAddress(SipUri.Parse("sip:agent-7@cc.example.com"));
        request.Headers.Add(KnownHeader.Via, via.ToString());
        request.Headers.Add(KnownHeader.MaxForwards, "70");
        request.Headers.Add(KnownHeader.From, from.ToString());
        request.Headers.Add(KnownHeader.To, to.ToString());
        request.Headers.Add(KnownHeader.CallId, "built-1@cc.example.com");
        request.Headers.Add(KnownHeader.CSeq, new CSeqHeader(1, SipMethods.Invite).ToString());
        request.Headers.Add(KnownHeader.ContentType, "application/sdp");
        request.Headers.Add("X-Queue", "support; priority=2");

        var parsed = SipParser.Parse(request.ToBytes());
        var reparsed = Assert.IsType<SipRequest>(parsed.Message);

        Assert.True(parsed.Success, parsed.Error);
        Assert.Null(SipMessageValidator.Validate(reparsed));
        RoundTripAssert.Same(request, reparsed);
        Assert.Equal(via.ToString(), reparsed.TopVia!.ToString());
        Assert.True(reparsed.TopVia.HasRport);
        Assert.Equal("Support \"Queue\"", reparsed.From!.DisplayName);
        Assert.Equal("f-1", reparsed.From.Tag);
        Assert.Equal(from.ToString(), reparsed.From.ToString());
        Assert.Equal(new CSeqHeader(1, SipMethods.Invite), reparsed.CSeq);
        Assert.True(uri.IsEquivalentTo(reparsed.RequestUri!));
        Assert.Equal("tls", reparsed.RequestUri!.Transport);
    }

    [Fact]
    public void A_response_built_in_code_parses_back_identically()
    {
        var response = new SipResponse(486, "Busy Here — all agents engaged");
        response.Headers.Add(KnownHeader.Via, "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-r1");
        response.Headers.Add(KnownHeader.From, "<sip:a@example.com>;tag=1");
        response.Headers.Add(KnownHeader.To, "<sip:b@example.com>;tag=2");
        response.Headers.Add(KnownHeader.CallId, "r1@example.com");
        response.Headers.Add(KnownHeader.CSeq, "7 INVITE");
        response.Headers.Add(KnownHeader.RetryAfter, "30");

        var reparsed = Assert.IsType<SipResponse>(SipParser.Parse(response.ToBytes()).Message);

        RoundTripAssert.Same(response, reparsed);
        Assert.Null(SipMessageValidator.ValidateResponse(reparsed));
    }

    private const string UasSdp = "v=0\r\no=- 1 1 IN IP6 2001:db8::7\r\ns=-\r\nc=IN IP6 2001:db8::7\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
}
