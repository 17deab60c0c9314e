using CallCenter.Sip.Message;
using CallCenter.Sip.SessionTimers;
using static CallCenter.Sip.Tests.Core.UasRequestChecksTestRequests;

namespace CallCenter.Sip.Tests.SessionTimers;

/// <summary>
/// RFC 4028 negotiation as pure functions: the checks before an INVITE or UPDATE is acted on (§6, §9), the
/// Session-Expires our 2xx answers with (§9), and what a 2xx to our own request settled (§7.2).
/// </summary>
public sealed class SessionTimerNegotiationTests
{
    private static readonly SessionTimerOptions Policy = SessionTimerOptions.Default;

    [Theory]
    [InlineData("Session-Expires: 30", 90)]
    [InlineData("Session-Expires: 89;refresher=uac", 90)]
    [InlineData("x: 0", 90)]
    public void An_interval_below_our_minimum_gets_422_with_our_Min_SE(string header, int minSE)
    {
        var rejection = SessionTimerNegotiation.Check(Valid("INVITE", headers: ["Supported: timer", header]), Policy)!;

        Assert.Equal(422, rejection.StatusCode);
        Assert.Equal("Session Interval Too Small", rejection.ReasonPhrase);
        Assert.Equal(minSE.ToString(System.Globalization.CultureInfo.InvariantCulture), rejection.HeaderValue(KnownHeader.MinSE));
    }

    [Fact]
    public void The_requests_own_Min_SE_raises_the_floor_of_the_422()
    {
        var request = Valid("INVITE", headers: ["Session-Expires: 100", "Min-SE: 120"]);

        Assert.Equal("120", SessionTimerNegotiation.Check(request, Policy)!.HeaderValue(KnownHeader.MinSE));
    }

    [Fact]
    public void A_configured_minimum_above_the_RFCs_is_ours_to_enforce()
    {
        var strict = new SessionTimerOptions { MinSESeconds = 300, SessionExpiresSeconds = 600 };

        Assert.Equal("300", SessionTimerNegotiation.Check(Valid("UPDATE", headers: "Session-Expires: 200"), strict)!.HeaderValue(KnownHeader.MinSE));
        Assert.Null(SessionTimerNegotiation.Check(Valid("UPDATE", headers: "Session-Expires: 300"), strict));
    }

    [Theory]
    [InlineData(new[] { "Session-Expires: soon" }, "Session-Expires must start with delta-seconds")]
    [InlineData(new[] { "Session-Expires: 1800;refresher=me" }, "Session-Expires refresher must be uac or uas")]
    [InlineData(new[] { "Session-Expires: 1800", "Session-Expires: 900" }, "Session-Expires appears more than once")]
    [InlineData(new[] { "Session-Expires: 1800", "Min-SE: lots" }, "Min-SE must be delta-seconds")]
    [InlineData(new[] { "Min-SE: 90", "Min-SE: 120" }, "Min-SE appears more than once")]
    public void Malformed_session_timer_headers_get_400_naming_the_problem(string[] headers, string reason)
    {
        var rejection = SessionTimerNegotiation.Check(Valid("INVITE", headers: headers), Policy)!;

        Assert.Equal(400, rejection.StatusCode);
        Assert.Equal(reason, rejection.ReasonPhrase);
        Assert.Empty(rejection.Headers);
    }

    [Theory]
    [InlineData("INVITE", "Session-Expires: 90")]
    [InlineData("UPDATE", "Session-Expires: 1800;refresher=uas")]
    [InlineData("INVITE", "Supported: timer")]
    [InlineData("OPTIONS", "Session-Expires: 5")]
    [InlineData("INFO", "Session-Expires: soon")]
    public void Acceptable_or_irrelevant_requests_pass(string method, string header)
    {
        Assert.Null(SessionTimerNegotiation.Check(Valid(method, headers: header), Policy));
    }

    [Theory]
    // Asked for, with the requester's refresher kept (§9: copied into the response).
    [InlineData(new[] { "Supported: timer", "Session-Expires: 90;refresher=uac" }, "90;refresher=uac", true)]
    [InlineData(new[] { "Supported: timer", "Session-Expires: 600;refresher=uas" }, "600;refresher=uas", true)]
    // No refresher named: the requester refreshes.
    [InlineData(new[] { "Supported: timer", "Session-Expires: 600" }, "600;refresher=uac", true)]
    // Longer than ours: reduced to ours.
    [InlineData(new[] { "Supported: timer", "Session-Expires: 7200" }, "1800;refresher=uac", true)]
    // Supported only: we choose the interval, the requester refreshes.
    [InlineData(new[] { "Supported: 100rel, Timer" }, "1800;refresher=uac", true)]
    [InlineData(new[] { "Require: timer" }, "1800;refresher=uac", true)]
    // The requester's Min-SE is respected even above our interval.
    [InlineData(new[] { "Supported: timer", "Session-Expires: 7200", "Min-SE: 3600" }, "3600;refresher=uac", true)]
    // Asked for (a proxy inserted it) by a UA without the extension: we refresh, and no Require it could not honour.
    [InlineData(new[] { "Session-Expires: 600;refresher=uac" }, "600;refresher=uas", false)]
    public void The_2xx_names_the_interval_and_the_refresher(string[] headers, string expected, bool requireTimer)
    {
        var answer = SessionTimerNegotiation.ForAnswer(Valid("INVITE", headers: headers), Policy)!;

        Assert.Equal(expected, answer.Header.ToString());
        Assert.Equal(requireTimer, answer.RequireTimer);
    }

    [Fact]
    public void Without_Session_Expires_or_timer_support_there_is_no_session_timer()
    {
        Assert.Null(SessionTimerNegotiation.ForAnswer(Valid("INVITE", headers: "Supported: replaces"), Policy));
    }

    [Theory]
    [InlineData("90;refresher=uac", 90, false)]
    [InlineData("90;refresher=uas", 90, true)]
    public void The_answered_interval_from_our_side_says_who_refreshes(string sessionExpires, int seconds, bool weRefresh)
    {
        var answer = SessionTimerNegotiation.ForAnswer(Valid("INVITE", headers: ["Supported: timer", "Session-Expires: " + sessionExpires]), Policy)!;

        Assert.Equal(new SessionInterval(seconds, weRefresh), answer.Interval);
    }

    [Theory]
    [InlineData("Session-Expires: 90;refresher=uac", 90, true)]
    [InlineData("Session-Expires: 120;refresher=uas", 120, false)]
    [InlineData("Session-Expires: 300", 300, true)]
    public void A_2xx_to_our_request_settles_the_interval(string header, int seconds, bool weRefresh)
    {
        var ok = ResponseFactory.Create(Valid("INVITE", headers: "Supported: timer"), 200, null, "t1");
        ok.Headers.Add("Session-Expires", header["Session-Expires: ".Length..]);

        Assert.Equal(new SessionInterval(seconds, weRefresh), SessionTimerNegotiation.FromAnswer(ok));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("whenever")]
    public void A_2xx_without_a_usable_Session_Expires_settles_nothing(string? value)
    {
        var ok = ResponseFactory.Create(Valid("INVITE"), 200, null, "t1");
        if (value is not null)
        {
            ok.Headers.Add(KnownHeader.SessionExpires, value);
        }

        Assert.Null(SessionTimerNegotiation.FromAnswer(ok));
    }

    [Theory]
    [InlineData(90, 45, 60)]
    [InlineData(1800, 900, 1768)]
    [InlineData(120, 60, 88)]
    public void Section_10_refresh_at_half_and_give_up_before_the_end(int seconds, double refreshAt, double giveUpAt)
    {
        var interval = new SessionInterval(seconds, WeRefresh: true);

        Assert.Equal(TimeSpan.FromSeconds(refreshAt), interval.RefreshAfter);
        Assert.Equal(TimeSpan.FromSeconds(giveUpAt), interval.GiveUpAfter);
    }

    [Fact]
    public void Options_from_configuration_are_checked()
    {
        var options = SessionTimerOptions.From(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(120));

        Assert.Equal((600, 120), (options.SessionExpiresSeconds, options.MinSESeconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionTimerOptions.From(TimeSpan.FromSeconds(1800), TimeSpan.FromSeconds(60)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionTimerOptions.From(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionTimerOptions.From(TimeSpan.FromSeconds(1800.5), TimeSpan.FromSeconds(90)));
    }
}
