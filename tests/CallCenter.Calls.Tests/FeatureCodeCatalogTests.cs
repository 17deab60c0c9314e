using CallCenter.Calls.FeatureCodes;
using CallCenter.Calls.Routing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Calls.Tests;

/// <summary>The feature codes: defaults, configured codes, and configurations refused with a reason.</summary>
public class FeatureCodeCatalogTests
{
    [Theory]
    [InlineData("*21", AgentStateCommand.LogIn, null, FeatureCodePrompts.LoggedIn)]
    [InlineData("*22", AgentStateCommand.LogOut, null, FeatureCodePrompts.LoggedOut)]
    [InlineData("*23", AgentStateCommand.Pause, "break", FeatureCodePrompts.Paused)]
    [InlineData("*24", AgentStateCommand.Unpause, null, FeatureCodePrompts.Available)]
    public void TheDefaultCodesAskForTheirChangeAndConfirmIt(string number, AgentStateCommand command, string? reason, string prompt)
    {
        Assert.True(FeatureCodeCatalog.TryCreate(new FeatureCodeOptions(), out var catalog, out _));

        Assert.True(catalog!.TryFind(number, out var code));
        Assert.Equal(new FeatureCode(number, command, reason, prompt), code);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("*25")]
    [InlineData("21")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherNumbersAreNotFeatureCodes(string? number)
    {
        Assert.True(FeatureCodeCatalog.TryCreate(new FeatureCodeOptions(), out var catalog, out _));
        Assert.False(catalog!.TryFind(number, out _));
    }

    [Fact]
    public void ConfiguredCodesAndPauseReasonReplaceTheDefaults()
    {
        var options = new FeatureCodeOptions { Pause = "#9", PauseReason = "training" };
        Assert.True(FeatureCodeCatalog.TryCreate(options, out var catalog, out _));

        Assert.True(catalog!.TryFind("#9", out var pause));
        Assert.Equal("training", pause!.Reason);
        Assert.False(catalog.TryFind("*23", out _));
        Assert.Equal(["*21", "*22", "#9", "*24"], catalog.Codes.Select(c => c.Number));
    }

    [Theory]
    [InlineData("*21", "*21", "break", "FeatureCodes:LogOut: '*21' is already the code for LogIn")]
    [InlineData("", "*22", "break", "FeatureCodes:LogIn: '' is not a dialable code")]
    [InlineData("*2a", "*22", "break", "FeatureCodes:LogIn: '*2a' is not a dialable code")]
    [InlineData("*21", "*22", " ", "FeatureCodes:PauseReason must not be empty")]
    public void ABadConfigurationIsRefusedWithTheReason(string logIn, string logOut, string reason, string error)
    {
        var options = new FeatureCodeOptions { LogIn = logIn, LogOut = logOut, PauseReason = reason };

        Assert.False(FeatureCodeCatalog.TryCreate(options, out var catalog, out var message));
        Assert.Null(catalog);
        Assert.StartsWith(error, message);
    }

    [Fact]
    public void ANonPositiveTimeLimitIsRefused()
    {
        Assert.False(FeatureCodeCatalog.TryCreate(new FeatureCodeOptions { MaxCallDuration = TimeSpan.Zero }, out _, out var message));
        Assert.Contains("MaxCallDuration", message);
    }

    [Property]
    public void AnyDialledTextIsLookedUpWithoutThrowing(string? dialled)
    {
        Assert.True(FeatureCodeCatalog.TryCreate(new FeatureCodeOptions(), out var catalog, out _));
        var found = catalog!.TryFind(dialled, out var code);
        Assert.Equal(found, code is not null);
    }

    [Property]
    public Property AnyCodeOptionsEitherMakeACatalogOrSayWhyNot(string? logIn, string? pause)
    {
        var options = new FeatureCodeOptions { LogIn = logIn!, Pause = pause! };
        var created = FeatureCodeCatalog.TryCreate(options, out var catalog, out var error);
        return (created == (catalog is not null) && created == (error is null)).ToProperty();
    }
}
