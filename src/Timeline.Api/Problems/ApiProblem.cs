namespace Timeline.Api.Problems;

/// <summary>A request the API refuses before any use case runs: a malformed body or header, or one too large.</summary>
internal sealed class ApiProblem(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public static ApiProblem TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "The request is too large", detail);

    public static ApiProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "The request is malformed", detail);
}
