using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CallCenter.Config;
using YamlDotNet.Core;

namespace CallCenter.Bench;

/// <summary>
/// Cost of reading the contact-centre configuration with 10,000 agents: YAML parse, schema checks,
/// secrets, skills and the extension index. The server does this once at start-up, so two jobs run:
/// "Warm" (steady state, 20 measured iterations after 3 warm-up ones) and "Cold" (a fresh process per
/// measurement, one call with nothing JIT-compiled yet, which is what start-up really pays).
/// Nothing in [GlobalSetup] touches the loader, or the Cold job would not be cold.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20, id: "Warm")]
[SimpleJob(RunStrategy.ColdStart, launchCount: 7, warmupCount: 0, iterationCount: 1, id: "Cold")]
public class ConfigLoadBenchmarks
{
    /// <summary>Agents in the generated file.</summary>
    public const int AgentCount = 10_000;

    private const string SourceName = "generated.yaml";

    private string _yaml = string.Empty;
    private string _path = string.Empty;
    private CallCenterConfig? _lastLoaded;

    /// <summary>Generates the YAML once and writes it to a temporary file.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _yaml = AgentConfigYaml.Generate(AgentCount);
        _path = Path.Combine(Path.GetTempPath(), $"callcenter-bench-{Environment.ProcessId}.yaml");
        File.WriteAllText(_path, _yaml);
    }

    /// <summary>Checks the measured call really loaded every agent, then removes the temporary file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_path);
        if (_lastLoaded is not null && _lastLoaded.Agents.Count != AgentCount)
        {
            throw new InvalidOperationException($"Expected {AgentCount} agents, loaded {_lastLoaded.Agents.Count}.");
        }
    }

    /// <summary>ConfigLoader.LoadFromText on the in-memory YAML (about 1.5 MB, 10,000 agents).</summary>
    [Benchmark]
    public CallCenterConfig LoadFromText10kAgents() => _lastLoaded = ConfigLoader.LoadFromText(_yaml, SourceName);

    /// <summary>ConfigLoader.Load from the file, as the server does at start-up (file in the page cache).</summary>
    [Benchmark]
    public CallCenterConfig LoadFile10kAgents() => _lastLoaded = ConfigLoader.Load(_path);

    /// <summary>
    /// For comparison only: YamlDotNet's event parser over the same text with nothing built from the
    /// events. The difference to LoadFromText is the loader's own tree building and validation.
    /// </summary>
    [Benchmark]
    public int YamlDotNetEventsOnly10kAgents()
    {
        var parser = new Parser(new StringReader(_yaml));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }
}
