using CallCenter.Config;
using CallCenter.Server.Hosting;

namespace CallCenter.Server.Tests;

public class ConfigurationErrorTests
{
    [Fact]
    public void BadContactCentreFileIsRefusedWithFileLineAndReason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "agents:\n  - extension: \"1001\"\n    name: \"A\"\n    secret: \"s\"\n    skills: { sales: 12 }\n");
        try
        {
            var error = Assert.Throws<ConfigException>(() => CallCenterServer.Build(["--config=" + path, "--Sip:Port=0"]));
            Assert.Contains(path + ":5:", error.Message);
            Assert.Contains("1 to 10", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingContactCentreFileIsNamed()
    {
        var error = Assert.Throws<ConfigException>(() => CallCenterServer.Build(["--config=/nonexistent/cc.yaml"]));
        Assert.Contains("/nonexistent/cc.yaml", error.Message);
    }

    [Theory]
    [InlineData("--Sip:Port=70000", "Sip:Port")]
    [InlineData("--Sip:Address=not-an-ip", "Sip:Address")]
    [InlineData("--Sip:PublicAddress=nowhere", "Sip:PublicAddress")]
    [InlineData("--Sip:AuthAlgorithms=SHA-1", "Sip:AuthAlgorithms")]
    [InlineData("--Sip:T2Milliseconds=100", "T2Milliseconds")]
    public void BadSipSettingsAreRefusedNamingTheKey(string argument, string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CallCenterServer.Build([argument, "--config=config/none.yaml"]));
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task RunAsyncExitsWithCode2AndAMessageForBadConfiguration()
    {
        var previous = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            var code = await CallCenterServer.RunAsync(["--config=/nonexistent/cc.yaml"]);
            Assert.Equal(2, code);
            Assert.Contains("configuration error", captured.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}
