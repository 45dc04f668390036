using System.Text.Json;
using Timeline.Benchmarks.Report;

namespace Timeline.Benchmarks.Tests;

/// <summary>What one run of the benchmark printed: its table on standard output, and its JSON report.</summary>
internal sealed record BenchmarkOutput(string Output, JsonElement? Report)
{
    /// <summary>The table line of one figure.</summary>
    public string Row(string figure) =>
        Output.Split('\n').FirstOrDefault(line => line.StartsWith($"│ {figure} ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"the table has no row '{figure}':\n{Output}");

    /// <summary>Every figure has its row, with a value, in the table and in the JSON report.</summary>
    public void ShowsEveryFigure()
    {
        var rows = Report!.Value.GetProperty("rows").EnumerateArray().ToList();
        foreach (var figure in Figures.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(Row(figure).Split('│')[2]), $"'{figure}' has no value:\n{Output}");
            var row = rows.SingleOrDefault(r => r.GetProperty("figure").GetString() == figure);
            Assert.True(row.ValueKind == JsonValueKind.Object, $"the JSON report has no row '{figure}'");
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("value").GetString()), $"'{figure}' has no value in the JSON report");
        }
        Assert.Equal(Figures.All.Count, rows.Count);
    }
}
