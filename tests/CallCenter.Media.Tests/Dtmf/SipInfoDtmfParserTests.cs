using System.Text;
using CallCenter.Media.Dtmf;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Dtmf;

public class SipInfoDtmfParserTests
{
    private const string Relay = "application/dtmf-relay";
    private const string Plain = "application/dtmf";

    [Theory]
    [InlineData("Signal=1\r\nDuration=160", '1', 160)]
    [InlineData("Signal=1\r\nDuration=160\r\n", '1', 160)]
    [InlineData("Signal= 1\r\nDuration= 160\r\n", '1', 160)]
    [InlineData("Signal = 5 \r\n Duration = 250 ", '5', 250)]
    [InlineData("signal=7\nduration=100\n", '7', 100)]
    [InlineData("SIGNAL=9\rDURATION=80", '9', 80)]
    [InlineData("Signal=*\r\nDuration=160", '*', 160)]
    [InlineData("Signal=#\r\nDuration=160", '#', 160)]
    [InlineData("Signal=A\r\nDuration=160", 'A', 160)]
    [InlineData("Signal=d\r\nDuration=160", 'D', 160)]
    [InlineData("Signal=10\r\nDuration=160", '*', 160)]
    [InlineData("Signal=11\r\nDuration=160", '#', 160)]
    [InlineData("Signal=12\r\nDuration=160", 'A', 160)]
    [InlineData("Signal=15\r\nDuration=160", 'D', 160)]
    [InlineData("Signal=05\r\nDuration=160", '5', 160)]
    [InlineData("Duration=160\r\nSignal=3", '3', 160)]
    [InlineData("Signal=3\r\nDuration=160\r\nSignal=3", '3', 160)]
    [InlineData("Signal=2\r\nVolume=10\r\nDuration=90\r\n\r\n", '2', 90)]
    public void Dtmf_relay_bodies_are_read(string body, char digit, int durationMs)
    {
        Assert.True(SipInfoDtmfParser.TryParse(Relay, body, out var dtmf, out var error), error.Message);

        Assert.Equal(new SipInfoDtmf(digit, TimeSpan.FromMilliseconds(durationMs)), dtmf);
    }

    [Theory]
    [InlineData("Signal=4")]
    [InlineData("Signal=4\r\nDuration=")]
    [InlineData("Signal=4\r\nDuration=abc")]
    [InlineData("Signal=4\r\nDuration=-5")]
    [InlineData("Signal=4\r\nDuration=99999999999")]
    public void A_missing_or_unreadable_duration_does_not_lose_the_key(string body)
    {
        Assert.True(SipInfoDtmfParser.TryParse(Relay, body, out var dtmf, out _));

        Assert.Equal(new SipInfoDtmf('4', null), dtmf);
        Assert.Equal(TimeSpan.FromMilliseconds(100), dtmf.ToDtmfEvent(DateTimeOffset.UnixEpoch).Duration);
    }

    [Theory]
    [InlineData("5", '5')]
    [InlineData("#", '#')]
    [InlineData("*\r\n", '*')]
    [InlineData(" b ", 'B')]
    [InlineData("11", '#')]
    public void Plain_dtmf_bodies_are_just_the_key(string body, char digit)
    {
        Assert.True(SipInfoDtmfParser.TryParse(Plain, body, out var dtmf, out _));

        Assert.Equal(new SipInfoDtmf(digit, null), dtmf);
    }

    [Theory]
    [InlineData("application/dtmf-relay", true)]
    [InlineData("Application/DTMF-Relay", true)]
    [InlineData("application/dtmf-relay; charset=us-ascii", true)]
    [InlineData(" application/dtmf ", true)]
    [InlineData("application/dtmf;x=1", true)]
    [InlineData("application/sdp", false)]
    [InlineData("application/dtmf-relayx", false)]
    [InlineData("text/plain", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_two_dtmf_media_types_are_accepted(string? contentType, bool accepted)
    {
        var body = contentType?.Contains("relay", StringComparison.OrdinalIgnoreCase) == true ? "Signal=1" : "1";

        Assert.Equal(accepted, SipInfoDtmfParser.IsDtmfContentType(contentType));
        Assert.Equal(accepted, SipInfoDtmfParser.TryParse(contentType, body, out _, out var error));
        if (!accepted)
        {
            Assert.Equal(SipInfoDtmfErrorKind.UnsupportedContentType, error.Kind);
        }
    }

    [Theory]
    [InlineData(Relay, "", SipInfoDtmfErrorKind.EmptyBody)]
    [InlineData(Relay, " \r\n", SipInfoDtmfErrorKind.EmptyBody)]
    [InlineData(Plain, "", SipInfoDtmfErrorKind.EmptyBody)]
    [InlineData(Relay, "Duration=160", SipInfoDtmfErrorKind.MissingSignal)]
    [InlineData(Relay, "hello", SipInfoDtmfErrorKind.MissingSignal)]
    [InlineData(Relay, "Signal:5\r\nDuration:160", SipInfoDtmfErrorKind.MissingSignal)]
    [InlineData(Relay, "Signal=\r\nDuration=160", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Relay, "Signal=E", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Relay, "Signal=12345", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Relay, "Signal=17", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Relay, "Signal=1 2", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Relay, "Signal=star", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Relay, "Signal=16", SipInfoDtmfErrorKind.HookFlash)]
    [InlineData(Relay, "Signal=!", SipInfoDtmfErrorKind.HookFlash)]
    [InlineData(Relay, "Signal=1\r\nSignal=2", SipInfoDtmfErrorKind.ConflictingSignals)]
    [InlineData(Plain, "Signal=1", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Plain, "123", SipInfoDtmfErrorKind.InvalidSignal)]
    [InlineData(Plain, "!", SipInfoDtmfErrorKind.HookFlash)]
    public void Invalid_bodies_give_an_error_of_the_right_kind(string contentType, string body, SipInfoDtmfErrorKind kind)
    {
        Assert.False(SipInfoDtmfParser.TryParse(contentType, body, out _, out var error));

        Assert.Equal(kind, error.Kind);
        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void Bodies_arrive_as_bytes_from_the_sip_layer()
    {
        Assert.True(SipInfoDtmfParser.TryParse(Relay, "Signal=8\r\nDuration=200\r\n"u8, out var dtmf, out _));

        Assert.Equal(new SipInfoDtmf('8', TimeSpan.FromMilliseconds(200)), dtmf);
    }

    [Fact]
    public void Oversized_bodies_are_refused_before_reading()
    {
        var body = Encoding.ASCII.GetBytes("Signal=1\r\n" + new string(' ', SipInfoDtmfParser.MaxBodyLength));

        Assert.False(SipInfoDtmfParser.TryParse(Relay, body, out _, out var error));
        Assert.Equal(SipInfoDtmfErrorKind.BodyTooLong, error.Kind);
        Assert.False(SipInfoDtmfParser.TryParse(Relay, Encoding.ASCII.GetString(body), out _, out error));
        Assert.Equal(SipInfoDtmfErrorKind.BodyTooLong, error.Kind);
    }

    [Fact]
    public void Error_messages_never_carry_control_characters()
    {
        Assert.False(SipInfoDtmfParser.TryParse(Relay, "Signal=\u0007\u001b[31m", out _, out var error));

        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void A_press_from_sip_info_starts_when_the_request_arrived()
    {
        var at = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        var press = new SipInfoDtmf('#', TimeSpan.FromMilliseconds(250)).ToDtmfEvent(at);

        Assert.Equal(new DtmfEvent('#', DtmfMethod.SipInfo, at, TimeSpan.FromMilliseconds(250)), press);
    }

    [Property(MaxTest = 2000)]
    public Property Random_bodies_never_throw() =>
        Prop.ForAll(BodyLike().ToArbitrary(), Gen.Elements(Relay, Plain, "APPLICATION/DTMF-RELAY;a=b").ToArbitrary(), (body, contentType) =>
        {
            var parsed = SipInfoDtmfParser.TryParse(contentType, body, out var dtmf, out var error);
            return parsed ? DtmfDigits.All.Contains(dtmf.Digit) : error.Message.Length > 0;
        });

    [Property(MaxTest = 1000)]
    public Property Random_bytes_and_content_types_never_throw() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<string>(), (bytes, contentType) =>
        {
            var parsed = SipInfoDtmfParser.TryParse(contentType, bytes ?? [], out var dtmf, out var error);
            return parsed ? DtmfDigits.All.Contains(dtmf.Digit) : error.Message.Length > 0;
        });

    private static Gen<string> BodyLike() =>
        Gen.Elements("Signal", "signal", "Duration", "=", "= ", " ", "\r\n", "\n", "\r", "1", "10", "16", "*", "#", "a", "D", "!",
                "160", "-", "99999999999", "\t", "\0", "é", "Signal=", "Duration=")
            .ListOf()
            .Select(parts => string.Concat(parts));
}
