using CallCenter.Interop.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CallCenter.Interop.Tests.Unit;

public sealed class PrometheusTextTests
{
    private const string Exposition = """
        # HELP callcenter_sip_requests_received_total SIP requests received, by method.
        # TYPE callcenter_sip_requests_received_total counter
        callcenter_sip_requests_received_total{method="OPTIONS"} 1
        callcenter_sip_requests_received_total{method="REGISTER"} 6
        callcenter_sip_responses_sent_total{code="401",transport="udp"} 3
        process_open_handles 42
        """;

    [Fact]
    public void Finds_a_sample_by_name_and_label()
    {
        Assert.Equal(6, PrometheusText.Value(Exposition, "callcenter_sip_requests_received_total", "method=\"REGISTER\""));
    }

    [Fact]
    public void Matches_a_subset_of_the_labels()
    {
        Assert.Equal(3, PrometheusText.Value(Exposition, "callcenter_sip_responses_sent_total", "code=\"401\""));
    }

    [Fact]
    public void Reads_samples_without_labels()
    {
        Assert.Equal(42, PrometheusText.Value(Exposition, "process_open_handles"));
    }

    [Fact]
    public void Absent_sample_is_null()
    {
        Assert.Null(PrometheusText.Value(Exposition, "callcenter_sip_requests_received_total", "method=\"INVITE\""));
    }

    [Property]
    public bool Never_throws_on_arbitrary_text(string text)
    {
        PrometheusText.Value(text ?? string.Empty, "x", "a=\"b\"");
        return true;
    }
}
