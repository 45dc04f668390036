using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Timeline.Api.Hosting;

/// <summary>Tells OpenAPI readers how to authenticate: <c>Authorization: Bearer &lt;key&gt;</c> on every /api operation.</summary>
internal sealed class OpenApiSecurity : IOpenApiDocumentTransformer
{
    private const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Timeline API";
        document.Info.Description =
            "An event-sourced store of diplomatic timelines. Bodies are the CLI's --format json outputs. Send an API key from " +
            "'timeline keys create' as 'Authorization: Bearer <key>': reader keys read, editor keys also post commands, admin keys " +
            "also manage keys. Errors are ProblemDetails.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Scheme,
            Description = "An API key (tl_…) from 'timeline keys create' or POST /api/keys",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });
        return Task.CompletedTask;
    }
}
