using CallCenter.Server.Hosting;

namespace CallCenter.Server.Tests;

/// <summary>Feature-code settings the server refuses to start with, saying which setting is wrong.</summary>
public sealed class ApiFeatureCodeSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("callcenter-feature-code-settings").FullName;

    [Theory]
    [InlineData("--FeatureCodes:LogIn=100", "FeatureCodes:LogIn: '100' is also a number in the configuration file")]
    [InlineData("--FeatureCodes:Pause=*2x", "FeatureCodes:Pause: '*2x' is not a dialable code")]
    [InlineData("--FeatureCodes:Unpause=*21", "FeatureCodes:Unpause: '*21' is already the code for LogIn")]
    public void ABadFeatureCodeStopsTheServerAtStart(string setting, string message)
    {
        var config = Path.Combine(_folder, "callcenter.yaml");
        File.WriteAllText(config, TestServer.Config);

        var error = Assert.Throws<InvalidOperationException>(() => CallCenterServer.Build(
            ["--Sip:Port=0", "--Sip:Address=127.0.0.1", "--urls=http://127.0.0.1:0", "--config=" + config, "--Store:Path=" + Path.Combine(_folder, "callcenter.db"), setting]));

        Assert.StartsWith(message, error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
