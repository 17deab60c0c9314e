using CallCenter.Calls.Routing;
using CallCenter.Calls.Tests.Callbacks;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>The final status of an agent's INVITE decides whether routing hears of a rejection or of no answer.</summary>
public class QueueRouterExtensionsTests
{
    [Theory]
    [InlineData(486)]
    [InlineData(600)]
    [InlineData(603)]
    public void Busy_or_declined_is_a_rejection(int status)
    {
        var router = new RecordingRouter();

        Assert.True(router.NotReached("c1", "1001", status));
        Assert.Equal(["rejected c1 1001"], router.Events);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(480)]
    [InlineData(487)]
    [InlineData(503)]
    public void Any_other_failure_is_no_answer(int status)
    {
        var router = new RecordingRouter();

        Assert.False(router.NotReached("c1", "1001", status));
        Assert.Equal(["no-answer c1 1001"], router.Events);
    }
}
