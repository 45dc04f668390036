namespace Timeline.Benchmarks.Archive;

/// <summary>
/// Draws from a list where earlier entries come up more often: entry r has weight 1 / (r + <c>offset</c>), a Zipf-like
/// law, so a few leaders, speakers and outlets dominate as they do in real reporting.
/// </summary>
internal sealed class WeightedChoice<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IReadOnlyList<T> items, double offset = 2)
    {
        _items = items;
        _cumulative = new double[items.Count];
        var total = 0.0;
        for (var r = 0; r < items.Count; r++)
        {
            total += 1 / (r + offset);
            _cumulative[r] = total;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Pick(Random rng)
    {
        var target = rng.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return _items[Math.Min(index < 0 ? ~index : index, _items.Count - 1)];
    }

    /// <summary>An entry not in <paramref name="taken"/>; gives up after a few tries and walks the list instead.</summary>
    public T PickOther(Random rng, IReadOnlyCollection<T> taken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var item = Pick(rng);
            if (!taken.Contains(item))
            {
                return item;
            }
        }
        return _items.First(item => !taken.Contains(item));
    }
}
