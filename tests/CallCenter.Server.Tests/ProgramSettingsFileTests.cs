namespace CallCenter.Server.Tests;

/// <summary>
/// <c>dotnet run</c> starts in the repository root, which has no appsettings.json: the copy beside the program is read,
/// and environment variables and arguments still win over it.
/// </summary>
public sealed class ProgramSettingsFileTests : IDisposable
{
    private readonly string _emptyContentRoot = Directory.CreateTempSubdirectory("callcenter-content-root").FullName;

    [Fact]
    public async Task Settings_beside_the_program_are_read_when_the_content_root_has_none()
    {
        await using var server = await TestServer.StartAsync("--contentRoot=" + _emptyContentRoot);

        Assert.Equal(_emptyContentRoot, server.App.Environment.ContentRootPath.TrimEnd('/'));
        Assert.Equal("Warning", server.App.Configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    [Fact]
    public async Task Arguments_still_win_over_the_settings_file()
    {
        await using var server = await TestServer.StartAsync("--contentRoot=" + _emptyContentRoot, "--Logging:LogLevel:Microsoft.AspNetCore=Error");

        Assert.Equal("Error", server.App.Configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    public void Dispose() => Directory.Delete(_emptyContentRoot, recursive: true);
}
