using CallCenter.Media.Sdp;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>The 488 and Warning header fields the SIP layer sends for a refused offer (RFC 3261 §20.43).</summary>
public class SdpRejectionTests
{
    [Theory]
    [InlineData(SdpWarningCode.IncompatibleNetworkProtocol, 300, "Incompatible network protocol")]
    [InlineData(SdpWarningCode.IncompatibleNetworkAddressFormats, 301, "Incompatible network address formats")]
    [InlineData(SdpWarningCode.IncompatibleTransportProtocol, 302, "Incompatible transport protocol")]
    [InlineData(SdpWarningCode.IncompatibleBandwidthUnits, 303, "Incompatible bandwidth units")]
    [InlineData(SdpWarningCode.MediaTypeNotAvailable, 304, "Media type not available")]
    [InlineData(SdpWarningCode.IncompatibleMediaFormat, 305, "Incompatible media format")]
    [InlineData(SdpWarningCode.AttributeNotUnderstood, 306, "Attribute not understood")]
    [InlineData(SdpWarningCode.SessionDescriptionParameterNotUnderstood, 307, "Session description parameter not understood")]
    public void Each_warning_has_its_code_and_text(SdpWarningCode warning, int code, string text)
    {
        var rejection = new SdpRejection(warning, "detail");

        Assert.Equal((488, code, text), (rejection.StatusCode, rejection.WarningCode, rejection.WarningText));
        Assert.Equal($"{code} cc.example.com \"{text}\"", rejection.ToWarningHeaderValue("cc.example.com"));
    }
}
