using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Server.Http;

/// <summary>
/// The problem-details bodies (RFC 9457) every JSON endpoint refuses requests with, so all of them read alike: a
/// <c>title</c> from the status, a <c>detail</c> sentence saying what is wrong and, for a bad field, an <c>errors</c>
/// member naming the field with its problems (allowed values included).
/// </summary>
public static class ApiProblem
{
    /// <summary>400: <paramref name="field"/> (a JSON member or query parameter name) is missing or wrong.</summary>
    public static ValidationProblem InvalidField(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field}: {message}",
            title: "The request is not valid");

    /// <summary>400: <paramref name="field"/> is not one of <paramref name="allowed"/>.</summary>
    public static ValidationProblem NotOneOf(string field, string? given, IEnumerable<string> allowed) =>
        InvalidField(field, (given is null ? "is required" : $"'{given}' is not allowed") + "; use one of: " + string.Join(", ", allowed));

    /// <summary>400: the body is missing or is not the JSON the endpoint takes.</summary>
    public static ProblemHttpResult BadBody(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid");

    /// <summary>415: the body is not sent as <c>application/json</c>.</summary>
    public static ProblemHttpResult NotJson(string? contentType) =>
        TypedResults.Problem(
            $"send the body as application/json (got {(string.IsNullOrEmpty(contentType) ? "no Content-Type" : contentType)})",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type");

    /// <summary>404: the resource named in the path does not exist.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409: the request is well formed but the resource's current state refuses it.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Refused in the current state");

    /// <summary>Declares, for the OpenAPI document, the problem responses an endpoint may give.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        foreach (int status in statusCodes)
        {
            endpoint = status == StatusCodes.Status400BadRequest
                ? endpoint.ProducesValidationProblem()
                : endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
