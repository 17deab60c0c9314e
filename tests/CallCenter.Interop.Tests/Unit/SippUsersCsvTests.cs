using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests.Unit;

public sealed class SippUsersCsvTests
{
    [Fact]
    public void Writes_sequential_lines_with_the_whole_authentication_keyword()
    {
        var csv = SippUsersCsv.Render([("1001", "pw1001"), ("1002", "pw1002")]);

        Assert.Equal(
            "SEQUENTIAL\n1001;[authentication username=1001 password=pw1001]\n1002;[authentication username=1002 password=pw1002]\n",
            csv);
    }

    [Theory]
    [InlineData("10;01", "pw")]
    [InlineData("1001", "p w")]
    [InlineData("1001", "p]w")]
    public void Refuses_values_sipp_would_misread(string user, string password)
    {
        Assert.Throws<ArgumentException>(() => SippUsersCsv.Render([(user, password)]));
    }
}
