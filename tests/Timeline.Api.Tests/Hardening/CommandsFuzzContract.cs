using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CsCheck;
using Timeline.Api.Tests.Hosting;
using Timeline.Api.Tests.Stores;
using Timeline.Testing.Fuzz;

namespace Timeline.Api.Tests.Hardening;

/// <summary>
/// Generated and mutated command files as the body of <c>POST /api/commands</c>, on a store holding the seeds: never a
/// 500 or any 5xx, every refusal a ProblemDetails body with no stack trace or exception name, and the store gains
/// exactly the events a 200 reports (none for a refusal).
/// </summary>
public abstract class CommandsFuzzContract(ApiStores stores) : ApiContract<HttpClient>(stores)
{
    /// <summary>Cases per run: bounded so the test takes well under a minute on a CI machine.</summary>
    protected virtual int Cases => 1000;

    protected override bool SharesHost => false;

    protected override Task<HttpClient> PrepareAsync(ApiHost host) => Seeds.PostAllAsEditorAsync(host, "fuzzer");

    [Fact]
    public async Task No_body_gets_a_server_error_or_writes_part_of_itself()
    {
        var editor = Prepared;
        var last = await LastSequenceAsync(editor);
        var seed = new FuzzFile("json", await File.ReadAllBytesAsync(Seeds.Files[0], Web.Cancel));
        var bodies = Gen.Frequency(
            (4, CommandFileGen.Generated),
            (3, CommandFileGen.Mutated(CommandFileGen.Generated)),
            (2, CommandFileGen.Mutated(Gen.Const(seed))));
        var statuses = new Dictionary<HttpStatusCode, int>();
        var watch = Stopwatch.StartNew();

        await bodies.SampleAsync(async file =>
        {
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
            using var content = new ByteArrayContent(file.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

            using var response = await editor.PostAsync("/api/commands", content, Web.Cancel);

            var body = await response.TextAsync();
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body}");
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            var appended = 0;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                appended = (await response.JsonAsync())["eventsAppended"]!.GetValue<int>();
            }
            else
            {
                await response.ProblemAsync();
            }
            var added = await EventsAfterAsync(editor, last);
            Assert.True(added == appended, $"the answer reported {appended} events but the store gained {added}: {(int)response.StatusCode} {body}");
            last += added;
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }, iter: Cases, threads: 1);

        var summary = $"POST /api/commands fuzz on {GetType().Name}: {Cases} bodies in {watch.Elapsed.TotalSeconds:F1} s; statuses " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"));
        TestContext.Current.SendDiagnosticMessage(summary);
        Console.WriteLine(summary);
        Assert.Equal(Cases, statuses.Values.Sum());
        Assert.Contains(HttpStatusCode.OK, statuses.Keys);
        Assert.Contains(HttpStatusCode.BadRequest, statuses.Keys);
        Assert.Contains(HttpStatusCode.Conflict, statuses.Keys);
    }

    private static async Task<long> LastSequenceAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/audit?limit=100000", Web.Cancel);
        return (await response.JsonAsync())["events"]!.AsArray().Max(e => e!["sequence"]!.GetValue<long>());
    }

    private static async Task<int> EventsAfterAsync(HttpClient client, long sequence)
    {
        using var response = await client.GetAsync($"/api/audit?after={sequence}&limit=100000", Web.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["events"]!.AsArray().Count;
    }
}
