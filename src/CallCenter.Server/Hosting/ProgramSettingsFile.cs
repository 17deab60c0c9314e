using Microsoft.Extensions.Configuration.Json;

namespace CallCenter.Server.Hosting;

/// <summary>
/// Where the server's <c>appsettings.json</c> is read from. ASP.NET Core reads it from the content root, the working
/// directory; <c>dotnet run --project src/CallCenter.Server</c> works in the repository root (so the contact-centre
/// file, flows and prompts are found there), which holds no settings file. The file is copied beside the program, so
/// when the content root has none, the copy beside the program is read instead — at the same rank, so environment
/// variables and command-line arguments still win over it.
/// </summary>
public static class ProgramSettingsFile
{
    /// <summary>The settings file's name.</summary>
    public const string FileName = "appsettings.json";

    /// <summary>Adds the file beside the program when the content root has none.</summary>
    public static void AddWhenMissingFromContentRoot(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string besideProgram = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, FileName)) || !File.Exists(besideProgram))
        {
            return;
        }

        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        int firstJson = sources.Select((source, index) => (source, index)).FirstOrDefault(s => s.source is JsonConfigurationSource).index;
        var file = new JsonConfigurationSource { Path = besideProgram, Optional = true, ReloadOnChange = false };
        file.ResolveFileProvider();
        sources.Insert(firstJson, file);
    }
}
