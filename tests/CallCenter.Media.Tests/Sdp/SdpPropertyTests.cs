using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Support;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>
/// Properties over generated input: no text or bytes make the parser throw; every valid description survives
/// serialisation (parse(serialise(x)) == x) with canonical text; bare LF line ends read the same.
/// </summary>
public class SdpPropertyTests
{
    [Property(MaxTest = 2000)]
    public void Random_strings_never_throw(string? text) => SdpRandomInput.Exercise(text ?? string.Empty);

    [Property(MaxTest = 2000)]
    public void Random_bytes_never_throw(byte[] bytes) => SdpRandomInput.Exercise(bytes);

    [Property(MaxTest = 3000, EndSize = 150, Arbitrary = [typeof(SdpArbitraries)])]
    public void Text_made_of_SDP_fragments_never_throws(SdpLikeText input) => SdpRandomInput.Exercise(input.Text);

    [Property(MaxTest = 1000, Arbitrary = [typeof(SdpArbitraries)])]
    public void Parsing_the_serialisation_gives_back_the_description(GeneratedSdp generated)
    {
        var text = generated.Description.ToString();

        var result = SessionDescription.Parse(text);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(generated.Description, result.Description);
        Assert.Equal(text, result.Description!.ToString());
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(SdpArbitraries)])]
    public void Bare_LF_line_ends_read_the_same(GeneratedSdp generated)
    {
        var result = SessionDescription.Parse(generated.Description.ToString().Replace("\r\n", "\n"));

        Assert.Equal(generated.Description, result.Description);
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(SdpArbitraries)])]
    public void Generated_descriptions_can_be_answered_without_throwing(GeneratedSdp generated) =>
        SdpRandomInput.Exercise(generated.Description.ToString());
}
