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

    /// <summary>Issues the editor key <paramref name="name"/>, posts every seed file with it and returns its client.</summary>
    public static async Task<HttpClient> PostAllAsEditorAsync(ApiHost host, string name)
    {
        var editor = host.Client(await host.KeyAsync(name, "editor"));
        await PostAllAsync(editor);
        return editor;
    }

    /// <summary>Posts every seed file as the editor <c>seed-editor</c>; returns a client with the reader key <c>reader</c>.</summary>
    public static async Task<HttpClient> SeededReaderAsync(ApiHost host)
    {
        await PostAllAsEditorAsync(host, "seed-editor");
        return host.Client(await host.KeyAsync("reader", "reader"));
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
