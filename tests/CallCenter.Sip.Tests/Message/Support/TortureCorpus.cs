namespace CallCenter.Sip.Tests.Message.Support;

/// <summary>The 49 RFC 4475 messages, byte for byte, from TestData/rfc4475.</summary>
internal static class TortureCorpus
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "rfc4475");

    /// <summary>File names without ".dat", in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Directory.GetFiles(Folder, "*.dat").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    /// <summary>The raw bytes of one message.</summary>
    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".dat"));

    /// <summary>Every message, for theories.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }
}
