namespace CallCenter.Config.Tests;

public sealed class FileLoadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callcenter-config-tests-" + Guid.NewGuid().ToString("N"));

    public FileLoadingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        string path = Path.Combine(_folder, "missing.yaml");

        ConfigException failure = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        ConfigError error = Assert.Single(failure.Errors);
        Assert.Equal((path, 0, 0), (error.Source, error.Line, error.Column));
        Assert.Equal($"{path}: the configuration file does not exist (looked for {path})", failure.Message);
    }

    [Fact]
    public void Missing_folder_is_reported_like_a_missing_file()
    {
        string path = Path.Combine(_folder, "no-such-folder", "callcenter.yaml");

        ConfigException failure = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"{path}: the configuration file does not exist", failure.Message);
    }

    [Fact]
    public void Folder_instead_of_file_is_reported()
    {
        ConfigException failure = Assert.Throws<ConfigException>(() => ConfigLoader.Load(_folder));

        Assert.Equal($"{_folder}: this is a folder, not a configuration file", failure.Message);
    }

    [Fact]
    public void Errors_in_a_file_name_the_path_as_given()
    {
        string path = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(path, "agents: 5\n");

        ConfigException failure = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.StartsWith($"{path}:1:9: ", failure.Message);
    }

    [Fact]
    public void Loaded_file_records_its_path_and_ignores_a_byte_order_mark()
    {
        string path = Path.Combine(_folder, "bom.yaml");
        File.WriteAllText(path, "numbers:\r\n  \"100\": main\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        CallCenterConfig config = ConfigLoader.Load(path);

        Assert.Equal(path, config.SourcePath);
        Assert.Equal("main", config.Numbers["100"]);
    }
}
