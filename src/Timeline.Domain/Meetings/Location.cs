namespace Timeline.Domain.Meetings;

/// <summary>A meeting's place; the country is required, the city optional.</summary>
/// <param name="City">The city, if known.</param>
/// <param name="Country">The country.</param>
public sealed record Location(string? City, string Country)
{
    /// <summary>The longest city or country name accepted.</summary>
    public const int MaxLength = 120;

    /// <inheritdoc />
    public override string ToString() => City is null ? Country : $"{City}, {Country}";
}
