namespace Timeline.Benchmarks.Archive;

/// <summary>
/// Who and what the synthetic archive talks about: several hundred participants (the named leaders of
/// <see cref="ArchiveNames.Leaders"/> plus generated names), places, organisations, forums, speakers and outlets, each
/// drawn with a Zipf-like weighting.
/// </summary>
internal sealed class ArchiveCast
{
    /// <summary>How many participants the archive can name.</summary>
    public const int Population = 400;

    public ArchiveCast(int seed)
    {
        var rng = new Random(seed);
        var names = new List<string>(ArchiveNames.Leaders);
        var taken = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        while (names.Count < Population)
        {
            var name = $"{ArchiveNames.GivenNames[rng.Next(ArchiveNames.GivenNames.Length)]} {ArchiveNames.FamilyNames[rng.Next(ArchiveNames.FamilyNames.Length)]}";
            if (taken.Add(name))
            {
                names.Add(name);
            }
        }
        People = new WeightedChoice<string>(names);
        Places = new WeightedChoice<(string City, string Country)>(ArchiveNames.Places, offset: 4);
        Organizations = new WeightedChoice<(string Slug, string Name)>(ArchiveNames.Organizations);
        Forums = new WeightedChoice<string>(ArchiveNames.Forums);
        Speakers = new WeightedChoice<string>(ArchiveNames.Speakers, offset: 3);
        Outlets = new WeightedChoice<(string Name, string Host)>(ArchiveNames.Outlets);
    }

    public WeightedChoice<string> People { get; }

    public WeightedChoice<(string City, string Country)> Places { get; }

    public WeightedChoice<(string Slug, string Name)> Organizations { get; }

    public WeightedChoice<string> Forums { get; }

    public WeightedChoice<string> Speakers { get; }

    public WeightedChoice<(string Name, string Host)> Outlets { get; }
}
