using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Timeline.Api.Http;
using Timeline.Api.Security;

namespace Timeline.Api.Keys;

/// <summary><c>/api/keys</c>: key management for admin keys, through the same <see cref="KeyRing"/> as <c>timeline keys</c>.</summary>
internal static class KeyEndpoints
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static void MapKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").RequireAuthorization(AccessPolicies.Admin).WithTags("Keys");

        keys.MapGet("", async (KeyRing ring, CancellationToken ct) => new TimelineJsonResult<KeyListDocument>(await ring.ListAsync(ct)))
            .WithName("ListKeys")
            .WithSummary("Every key, active and revoked, like 'timeline keys list'; never a key or its hash");

        keys.MapPost("", CreateAsync)
            .WithName("CreateKey")
            .WithSummary("Issue a key; the answer holds the key text, which is never shown again")
            .Accepts<CreateKeyRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        keys.MapDelete("/{name}", async (string name, KeyRing ring, CancellationToken ct) =>
                await ring.RevokeAsync(name, ct) ? Results.NoContent() : throw new KeyNotFound(name))
            .WithName("RevokeKey")
            .WithSummary("Revoke the active key of this name")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<TimelineJsonResult<IssuedKey>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, KeyRing ring, IOptionsSnapshot<ApiOptions> options, CancellationToken ct)
    {
        using var body = await RequestBody.ReadJsonAsync(request, options.Value.MaxRequestBodyBytes, ct);
        var asked = body.RootElement.Deserialize<CreateKeyRequest>(Strict)
            ?? throw Problems.ApiProblem.BadRequest("send {\"name\": \"...\", \"role\": \"reader|editor|admin\"}");
        var issued = await ring.IssueAsync(asked.Name, asked.Role, user.Identity?.Name ?? "admin", ct);
        return new TimelineJsonResult<IssuedKey>(issued, status: StatusCodes.Status201Created, location: $"/api/keys/{Uri.EscapeDataString(issued.Name)}");
    }
}

/// <summary>The body of <c>POST /api/keys</c>.</summary>
/// <param name="Name">The key's name, which becomes recordedBy.</param>
/// <param name="Role"><c>reader</c>, <c>editor</c> or <c>admin</c>.</param>
public sealed record CreateKeyRequest(string? Name, string? Role);
