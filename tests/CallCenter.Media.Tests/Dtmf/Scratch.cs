using Xunit.Abstractions;
using CallCenter.Media.Dtmf;
using static CallCenter.Media.Tests.Dtmf.Support.TestSignals;
namespace CallCenter.Media.Tests.Dtmf;
public class Scratch
{
    private readonly ITestOutputHelper _out;
    public Scratch(ITestOutputHelper o) => _out = o;
    [Theory]
    [InlineData('6', 0.015)]
    [InlineData('6', -0.015)]
    [InlineData('1', 0.015)]
    [InlineData('D', 0.015)]
    [InlineData('7', 0.015)]
    [InlineData('7', -0.015)]
    public void Verdicts(char d, double err)
    {
        var a = new DtmfToneAnalyzer(new InBandDtmfDetectorOptions());
        var pcm = ToPcm(Key(d, 100, frequencyError: err));
        var list = new List<string>();
        for (int i = 0; i + 40 <= pcm.Length; i += 40) list.Add(a.Analyze(pcm.AsSpan(i, 40), out var c).ToString());
        _out.WriteLine(string.Join(",", list));
    }
}
