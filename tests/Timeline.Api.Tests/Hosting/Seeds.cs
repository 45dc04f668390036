using System.Net;
using System.Text;

namespace Timeline.Api.Tests.Hosting;

/// <summary>The repository's seed files, copied beside the tests.</summary>
public static class Seeds
{
    public static IReadOnlyList<string> Files { get; } =
    [
        Path.Combine(AppContext.BaseDirectory, "seeds", "2022-09-08-ushakov-briefing.json"),
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds", "later"), "*.json").Order(StringComparer.Ordinal),
    ];

    /// <summary>Posts every seed file, article first, each as one all-or-nothing request.</summary>
    public static async Task PostAllAsync(HttpClient editor)
    {
        foreach (var file in Files)
        {
            using var response = await editor.PostAsync("/api/commands", Json(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path.GetFileName(file)}: {response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
