namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>An agent account written into the server's YAML config for a test.</summary>
public sealed record TestAgent(string Extension, string Secret, string Name = "Test Agent")
{
    /// <summary>The skills most tests give their agents: English, which the agent line (number 100) queues for.</summary>
    public static IReadOnlyDictionary<string, int> EnglishSpeaking { get; } = new Dictionary<string, int> { ["sales"] = 5, ["lang-en"] = 5 };

    /// <summary>The agent most tests register: extension 1001.</summary>
    public static TestAgent Default { get; } = new("1001", "pw1001");

    /// <summary>Skill name to proficiency (1-10), as in the contact-centre file.</summary>
    public IReadOnlyDictionary<string, int> Skills { get; init; } = EnglishSpeaking;
}
