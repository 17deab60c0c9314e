using CallCenter.Sip.Core;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Core;

/// <summary>How the end of a call attempt is reported.</summary>
public sealed class InviteOutcomeTests
{
    [Fact]
    public void A_final_response_gives_its_own_status()
    {
        var outcome = new InviteOutcome(new SipResponse(486), null, null);

        Assert.Equal(486, outcome.StatusCode);
        Assert.False(outcome.IsAnswered);
    }

    [Theory]
    [InlineData("timeout", 408)]
    [InlineData("transport error", 503)]
    public void Without_a_response_a_timeout_reads_as_408_and_a_transport_error_as_503(string failure, int status)
    {
        // §8.1.3.1: a transaction timeout is treated as 408, a transport failure as 503.
        var outcome = new InviteOutcome(null, null, failure);

        Assert.Equal(status, outcome.StatusCode);
        Assert.False(outcome.IsAnswered);
    }
}
