using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Server.Http;

/// <summary>
/// The JSON API's shared setup: camelCase members and enums as kebab-case words (<c>logged-out</c>), problem
/// details (RFC 9457) for every refusal, and the OpenAPI document at <c>/openapi/v1.json</c>, which describes every
/// endpoint mapped on the application, whoever maps it.
/// </summary>
public static class ApiServices
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Adds JSON settings, problem details and the OpenAPI document generator.</summary>
    public static IServiceCollection AddCallCenterApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Refusals the framework makes by itself (no endpoint, wrong method, a body type an endpoint does not
            // accept) carry no detail; say what was wrong in the same words our own problems use.
            var request = context.HttpContext.Request;
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => $"nothing at {request.Path}",
                StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}",
                StatusCodes.Status415UnsupportedMediaType =>
                    $"send the body as application/json (got {(string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : request.ContentType)})",
                _ => null,
            };
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CallCenter API";
            document.Info.Description = "Agents, queues and callbacks of the CallCenter contact centre. Refusals are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// Maps the agent and queue endpoints and the OpenAPI document, and turns bodiless error statuses (an unknown
    /// path, a wrong method) into problem details too.
    /// </summary>
    public static WebApplication MapCallCenterApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAgents();
        app.MapAgentTransfer();
        app.MapQueues();
        return app;
    }
}
