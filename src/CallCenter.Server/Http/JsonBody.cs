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
            return new JsonBodyResult<T>(null, ApiProblem.BadBody(Describe(e)));
        }
    }

    /// <summary>
    /// Where and how the body is wrong, in the API's words: the serializer's own message names .NET types and reader
    /// internals, which mean nothing to a client.
    /// </summary>
    internal static string Describe(JsonException e)
    {
        // Text that is not JSON at all fails in the reader, whose exception (a JsonException subclass) the serializer
        // throws as it is or wraps; well-formed JSON whose value does not fit (a number where text belongs, an array
        // for an object) fails in the serializer itself.
        bool malformed = e.GetType() != typeof(JsonException) || e.InnerException is JsonException;
        string what = malformed ? "the body is not well-formed JSON" : "a value in the body has the wrong type for this request";
        string where = e.Path is { Length: > 0 } path && path != "$" ? $" at {path}" : string.Empty;
        string position = e.LineNumber is { } line && e.BytePositionInLine is { } column
            ? $" (line {line + 1}, character {column + 1})"
            : string.Empty;
        return what + where + position;
    }
}

/// <summary>The outcome of <see cref="JsonBody.ReadAsync{T}"/>: either <see cref="Value"/> or <see cref="Problem"/>.</summary>
/// <param name="Value">The body, when it was read.</param>
/// <param name="Problem">The response refusing the request, when it was not.</param>
public sealed record JsonBodyResult<T>(T? Value, IResult? Problem)
    where T : class;
