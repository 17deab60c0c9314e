using System.Net;
using System.Text;

namespace CallCenter.Server.Tests;

/// <summary>Every bad request is refused with RFC 9457 problem details that say what is wrong, never a 500.</summary>
public class ApiBadRequestTests
{
    [Theory]
    [InlineData("""{"state":"on-call"}""", "state", "'on-call' is not allowed; use one of: available, logged-out, paused")]
    [InlineData("""{"state":"Available"}""", "state", "'Available' is not allowed; use one of: available, logged-out, paused")]
    [InlineData("""{"reason":"break"}""", "state", "is required; use one of: available, logged-out, paused")]
    [InlineData("{}", "state", "is required; use one of: available, logged-out, paused")]
    [InlineData("""{"state":"paused"}""", "reason", "is required when state is paused")]
    [InlineData("""{"state":"paused","reason":"   "}""", "reason", "is required when state is paused")]
    public async Task AnInvalidFieldIs400NamingTheFieldAndTheAllowedValues(string body, string field, string message)
    {
        await using var api = await ApiHost.StartAsync();
        var problem = await (await api.Http.PutAsync("/api/agents/1001/state", ApiResponses.Json(body))).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").GetProperty(field);
        Assert.StartsWith(message, errors[0].GetString());
        Assert.StartsWith(field + ": ", problem.GetProperty("detail").GetString());
        Assert.Empty(api.Centre.Changes);
    }

    [Fact]
    public async Task ATooLongReasonIs400()
    {
        await using var api = await ApiHost.StartAsync();
        var body = $$"""{"state":"paused","reason":"{{new string('x', 101)}}"}""";
        var problem = await (await api.Http.PutAsync("/api/agents/1001/state", ApiResponses.Json(body))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("at most 100 characters", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
    }

    [Theory]
    [InlineData("{\"state\":")]
    [InlineData("{state: paused}")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("""{"state":5}""")]
    [InlineData("""{"state":"paused","reason":{"a":1}}""")]
    [InlineData("\"paused\"")]
    public async Task MalformedOrMistypedJsonIs400ProblemDetailsNever500(string body)
    {
        await using var api = await ApiHost.StartAsync();
        var problem = await (await api.Http.PutAsync("/api/agents/1001/state", ApiResponses.Json(body))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("body", problem.GetProperty("detail").GetString());
        Assert.Empty(api.Centre.Changes);
    }

    [Theory]
    [InlineData("""{"state":5}""", "a value in the body has the wrong type for this request at $.state (line 1, character 11)")]
    [InlineData("{\"state\":", "the body is not well-formed JSON")]
    public async Task ABadBodyIsDescribedInTheApisWordsNotDotNets(string body, string expected)
    {
        await using var api = await ApiHost.StartAsync();
        var problem = await (await api.Http.PutAsync("/api/agents/1001/state", ApiResponses.Json(body))).ProblemAsync(HttpStatusCode.BadRequest);
        string detail = problem.GetProperty("detail").GetString()!;

        Assert.StartsWith(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("isFinalBlock", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415()
    {
        await using var api = await ApiHost.StartAsync();
        var response = await api.Http.PutAsync("/api/agents/1001/state", new StringContent("state=paused", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RandomBodiesNeverGiveA500()
    {
        await using var api = await ApiHost.StartAsync();
        var random = new Random(9457);
        const string alphabet = "{}[]\":,state paused available reason 0123456789 \\u00 true null -.eE";
        for (var i = 0; i < 100; i++)
        {
            var body = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var response = await api.Http.PutAsync("/api/agents/1001/state", ApiResponses.Json(body));
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for body {body}");
        }
    }

    [Fact]
    public async Task AnUnknownPathIs404ProblemDetails()
    {
        await using var api = await ApiHost.StartAsync();
        var problem = await (await api.Http.GetAsync("/api/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("nothing at /api/nothing-here", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AWrongMethodIs405ProblemDetails()
    {
        await using var api = await ApiHost.StartAsync();
        var problem = await (await api.Http.DeleteAsync("/api/agents/1001")).ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("DELETE is not allowed on /api/agents/1001", problem.GetProperty("detail").GetString());
    }
}
