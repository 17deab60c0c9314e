using System.Text;
using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>
/// What every fuzz and mutation test does with an input: parse it as text and as bytes, which must not
/// throw; and when it parses, check that serialisation round-trips and that answering it does not throw.
/// </summary>
public static class SdpRandomInput
{
    private static readonly LocalMedia Local = new(System.Net.IPAddress.Parse("192.0.2.99"), 40000, 1, 1);

    public static void Exercise(string text)
    {
        var result = SessionDescription.Parse(text);
        Assert.True(result.Success ^ (result.Error is not null));
        if (result.Description is { } description)
        {
            CheckRoundTrip(description);
        }

        _ = SessionDescription.Parse(Encoding.UTF8.GetBytes(text));
    }

    public static void Exercise(byte[] bytes)
    {
        var result = SessionDescription.Parse(bytes);
        if (result.Description is { } description)
        {
            CheckRoundTrip(description);
        }
    }

    private static void CheckRoundTrip(SessionDescription description)
    {
        var serialised = description.ToString();
        var again = SessionDescription.Parse(serialised);
        Assert.True(again.Success, $"{again.Error} after serialising:\n{serialised}");
        Assert.Equal(description, again.Description);

        var answer = SdpNegotiator.CreateAnswer(description, new MediaCapabilities(), Local);
        Assert.True(answer.IsAccepted ^ (answer.Rejection is not null));
        if (answer.IsAccepted)
        {
            // Our answer must satisfy our own rules for answers, and be writable.
            Assert.Equal(description.Media.Count, answer.Answer.Media.Count);
            var check = SdpNegotiator.ProcessAnswer(description, SdpText.Parse(answer.Answer.ToString()));
            Assert.True(check.Success, check.Error);
        }
    }
}
