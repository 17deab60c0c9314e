using BenchmarkDotNet.Running;

namespace CallCenter.Bench;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*'</c> runs every benchmark (see bench/README.md).</summary>
public static class Program
{
    /// <summary>Hands the command line to BenchmarkDotNet's switcher (filters, jobs, exporters).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
