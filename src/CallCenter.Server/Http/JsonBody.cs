using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CallCenter.Server.Http;

/// <summary>
/// Reads a JSON request body with the API's serializer settings, turning every way it can be wrong (not JSON, empty,
/// malformed, wrong types) into a 400/415 problem that says where, instead of the framework's bare 400 or a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>
    /// The body as <typeparamref name="T"/>, or the problem to answer with. Endpoints that use it declare the body
    /// with <c>.Accepts&lt;T&gt;("application/json")</c> for the OpenAPI document.
    /// </summary>
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return new JsonBodyResult<T>(null, ApiProblem.NotJson(request.ContentType));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null
                ? new JsonBodyResult<T>(null, ApiProblem.BadBody("the body must be a JSON object, not null"))
                : new JsonBodyResult<T>(value, null);
        }
        catch (JsonException e)
        {
            // The serializer's message names the JSON path, line and byte of the fault; nothing internal is in it.
            return new JsonBodyResult<T>(null, ApiProblem.BadBody("the body is not valid JSON for this request: " + e.Message));
        }
    }
}

/// <summary>The outcome of <see cref="JsonBody.ReadAsync{T}"/>: either <see cref="Value"/> or <see cref="Problem"/>.</summary>
/// <param name="Value">The body, when it was read.</param>
/// <param name="Problem">The response refusing the request, when it was not.</param>
public sealed record JsonBodyResult<T>(T? Value, IResult? Problem)
    where T : class;
