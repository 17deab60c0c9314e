using CallCenter.Ivr.Catalog;
using CallCenter.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Server.Tests;

/// <summary>The server loads the IVR flows at start, refuses to start on a bad flow or a number without a flow, and exposes flow metrics.</summary>
public sealed class FlowStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("callcenter-flow-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteConfig(string numbers)
    {
        string path = Path.Combine(_folder, "callcenter.yaml");
        File.WriteAllText(path, "agents:\n  - extension: \"1001\"\n    name: \"A\"\n    secret: \"s\"\nnumbers:\n" + numbers);
        return path;
    }

    [Fact]
    public async Task The_server_starts_with_the_sample_flows_loaded_and_watched()
    {
        await using var server = await TestServer.StartAsync();
        var catalog = server.App.Services.GetRequiredService<FlowCatalog>();

        Assert.Equal(RepositoryFolders.FlowNames, catalog.Flows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("main", catalog.Find("main")!.Name);
        Assert.True(catalog.IsWatching);
        Assert.Equal(1, catalog.Version);
    }

    [Fact]
    public async Task Metrics_count_the_flows_in_use_and_reloads_by_result()
    {
        await using var server = await TestServer.StartAsync();
        var catalog = server.App.Services.GetRequiredService<FlowCatalog>();

        string before = await server.Http.GetStringAsync("/metrics");
        catalog.Reload();
        string after = await server.Http.GetStringAsync("/metrics");

        Assert.Contains($"\ncallcenter_flows_loaded {RepositoryFolders.FlowNames.Count}\n", before, StringComparison.Ordinal);
        Assert.Contains("\ncallcenter_flow_reloads_total{result=\"ok\"} 0\n", before, StringComparison.Ordinal);
        Assert.Contains("\ncallcenter_flow_reloads_total{result=\"rejected\"} 0\n", before, StringComparison.Ordinal);
        Assert.Contains("\ncallcenter_flow_reloads_total{result=\"ok\"} 1\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_whose_flow_does_not_exist_stops_the_server_naming_the_file_and_number()
    {
        string config = WriteConfig("  \"100\": main\n  \"300\": sales\n");

        var error = Assert.Throws<FlowCatalogException>(() => CallCenterServer.Build(["--config=" + config, "--Sip:Port=0"]));

        Assert.Contains($"{config}:7:10: error: number \"300\" sends calls to flow \"sales\", but there is no sales.yaml in ", error.Message, StringComparison.Ordinal);
        Assert.Matches($"\n{RepositoryFolders.FlowNames.Count} flows checked: 1 error, [0-9]+ warnings?$", error.Message);
    }

    [Fact]
    public void A_callback_node_naming_a_queue_the_configuration_lacks_stops_the_server_where_it_is_written()
    {
        string flows = Directory.CreateDirectory(Path.Combine(_folder, "flows")).FullName;
        string main = Path.Combine(flows, "main.yaml");
        File.WriteAllText(main, "flow: main\nstart: book\nnodes:\n  book:\n    type: callback\n    queue: nights\n    next: bye\n    refused: bye\n  bye:\n    type: hangup\n");
        string config = WriteConfig("  \"100\": main\n");

        var error = Assert.Throws<FlowCatalogException>(() => CallCenterServer.Build(["--config=" + config, "--Flows:Directory=" + flows, "--Sip:Port=0"]));

        Assert.Contains($"{main}:6:12: error: node \"book\": \"queue\" names queue \"nights\", but the configuration has no such queue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_callback_node_may_name_the_implicit_default_queue_of_any_configuration()
    {
        string flows = Directory.CreateDirectory(Path.Combine(_folder, "flows")).FullName;
        File.WriteAllText(Path.Combine(flows, "main.yaml"), "flow: main\nstart: book\nnodes:\n  book:\n    type: callback\n    queue: default\n    next: bye\n    refused: bye\n  bye:\n    type: hangup\n");
        string config = WriteConfig("  \"100\": main\n");

        using var app = CallCenterServer.Build(["--config=" + config, "--Flows:Directory=" + flows, "--Sip:Port=0"]);

        Assert.NotNull(app.Services.GetRequiredService<FlowCatalog>().Find("main"));
    }

    [Fact]
    public async Task A_broken_flow_stops_the_server_with_every_problem_on_stderr_and_exit_code_2()
    {
        string flows = RepositoryFolders.CopyOfFlows();
        try
        {
            string survey = Path.Combine(flows, "survey.yaml");
            File.WriteAllText(survey, File.ReadAllText(survey).Replace("type: collect", "type: colect", StringComparison.Ordinal));
            string config = WriteConfig("  \"100\": main\n");
            var previous = Console.Error;
            using var captured = new StringWriter();
            Console.SetError(captured);
            int code;
            try
            {
                code = await CallCenterServer.RunAsync(["--config=" + config, "--Sip:Port=0", "--Flows:Directory=" + flows]);
            }
            finally
            {
                Console.SetError(previous);
            }

            Assert.Equal(2, code);
            string text = captured.ToString();
            Assert.Contains($"the IVR flows in {flows} have errors:", text, StringComparison.Ordinal);
            Assert.Contains($"{survey}:10:11: error: ", text, StringComparison.Ordinal);
            Assert.Contains($"{Path.Combine(flows, "main.yaml")}:", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(flows)!, recursive: true);
        }
    }
}
