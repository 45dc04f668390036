using System.Security.Claims;
using Timeline.Api.Http;
using Timeline.Api.Security;
using Timeline.Core.Commands;
using Timeline.Domain.Dates;

namespace Timeline.Api.Editing;

/// <summary>
/// What the web page's editor asks the server instead of knowing it itself: which key it holds (and so whether to
/// offer editing), and how the server reads a meeting date as typed.
/// </summary>
internal static class EditingEndpoints
{
    public static void MapEditing(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api").RequireAuthorization(AccessPolicies.Read).WithTags("Reads");

        reads.MapGet("/me", (ClaimsPrincipal user) => new TimelineJsonResult<KeyHolderDocument>(new KeyHolderDocument(
                user.Identity?.IsAuthenticated == true ? user.Identity.Name : null,
                user.FindFirst(ClaimTypes.Role)?.Value)))
            .WithName("GetKeyHolder")
            .WithSummary("The key this request sent: its name (recordedBy of what it posts) and role; both null for an anonymous read");

        reads.MapGet("/dates", (string? value) => EdtfDate.TryParse(value, out var date, out var error)
                ? new TimelineJsonResult<DateReading>(new DateReading(date.Text, date.Earliest, date.Latest))
                : throw new InputRejected([new InputError(null, null, "value", error)]))
            .WithName("ReadDates")
            .WithSummary("How meeting dates (an EDTF value, docs/contract.md#meeting-dates) are read: their earliest and latest day; 400 quoting the value when they cannot be")
            .ProducesValidationProblem();
    }
}

/// <summary>The answer of <c>GET /api/me</c>.</summary>
/// <param name="Name">The key's name, which becomes recordedBy; null without a key.</param>
/// <param name="Role"><c>reader</c>, <c>editor</c> or <c>admin</c>; null without a key.</param>
public sealed record KeyHolderDocument(string? Name, string? Role);

/// <summary>The answer of <c>GET /api/dates?value=</c>: meeting dates as given, and the days they span.</summary>
/// <param name="Value">The value exactly as given.</param>
/// <param name="Earliest">The first day it allows.</param>
/// <param name="Latest">The last day it allows.</param>
public sealed record DateReading(string Value, DateOnly Earliest, DateOnly Latest);
