namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>An agent account written into the server's YAML config for a test.</summary>
public sealed record TestAgent(string Extension, string Secret, string Name = "Test Agent")
{
    /// <summary>The agent most tests register: extension 1001.</summary>
    public static TestAgent Default { get; } = new("1001", "pw1001");
}
