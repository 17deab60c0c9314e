using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CallCenter.Config;

namespace CallCenter.Bench;

/// <summary>
/// Start-up cost of reading the contact-centre configuration with 10,000 agents: YAML parse, schema
/// checks, secrets, skills and the extension index. One operation takes long enough that a fixed,
/// modest number of iterations gives a stable median within the run's time budget.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class ConfigLoadBenchmarks
{
    /// <summary>Agents in the generated file.</summary>
    public const int AgentCount = 10_000;

    private string _yaml = string.Empty;
    private string _path = string.Empty;

    /// <summary>Generates the YAML once, writes it to a temporary file, and checks it loads completely.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _yaml = AgentConfigYaml.Generate(AgentCount);
        _path = Path.Combine(Path.GetTempPath(), $"callcenter-bench-{Environment.ProcessId}.yaml");
        File.WriteAllText(_path, _yaml);
        var config = ConfigLoader.LoadFromText(_yaml, "generated.yaml");
        if (config.Agents.Count != AgentCount)
        {
            throw new InvalidOperationException($"Expected {AgentCount} agents, loaded {config.Agents.Count}.");
        }
    }

    /// <summary>Removes the temporary file.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>ConfigLoader.LoadFromText on the in-memory YAML (about 1.2 MB).</summary>
    [Benchmark]
    public CallCenterConfig LoadFromText10kAgents() => ConfigLoader.LoadFromText(_yaml, "generated.yaml");

    /// <summary>ConfigLoader.Load from the file, as the server does at start-up (page cache warm).</summary>
    [Benchmark]
    public CallCenterConfig LoadFile10kAgents() => ConfigLoader.Load(_path);
}
