namespace Timeline.Testing;

public static class TestCases
{
    /// <summary>Theory cases named by strings, so each case is listed and reported by its name.</summary>
    public static TheoryData<string> Named(params string[] names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name);
        }
        return data;
    }
}
