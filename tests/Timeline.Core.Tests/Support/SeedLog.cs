using Timeline.Core.Storage;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Support.Seed;

namespace Timeline.Core.Tests.Support;

/// <summary>
/// A realistic log as a set of files, each imported as a whole: the 8 Sept 2022 briefing, the Samarkand and Bali
/// reports that followed, an old article imported late (a backdated report), and an entry error with its retraction.
/// Within a file, order is the file's; across files, any import order is possible.
/// </summary>
internal static class SeedLog
{
    public const string WrongAseanConfirmation = "entry-error-asean";

    public static readonly IReadOnlyList<IReadOnlyList<Report>> Files =
    [
        [
            new("g20-2022", G20Announced, "2022-09-08", "briefing-g20", Ushakov),
            new("g20-2022", Expected(Putin), "2022-09-08", "briefing-g20-putin", Ushakov),
            new("sco-2022", ScoAnnounced, "2022-09-08", "briefing-sco", Ushakov),
            new("sco-2022", Planned(Putin, AttendanceMode.InPerson), "2022-09-08", "briefing-sco-putin", Ushakov),
            new("sco-2022", Planned(Xi), "2022-09-08", "briefing-sco-xi", Ushakov),
            new("putin-xi-2022", PutinXiAnnounced, "2022-09-08", "briefing-putin-xi", Ushakov),
            new("asean-2022", AseanAnnounced, "2022-09-08", "briefing-asean", Ushakov),
            new("asean-2022", Possible(Putin), "2022-09-08", "briefing-asean-putin", Ushakov),
            new("csto-2022", CstoAnnounced, "2022-09-08", "briefing-csto", Ushakov),
            new("csto-2022", Planned(Putin), "2022-09-08", "briefing-csto-putin", Ushakov),
            new("eaeu-2022", EaeuAnnounced, "2022-09-08", "briefing-eaeu", Ushakov),
            new("eaeu-2022", Planned(Putin), "2022-09-08", "briefing-eaeu-putin", Ushakov),
        ],
        [
            new("sco-2022", Confirmed(Putin, AttendanceMode.InPerson), "2022-09-13", "samarkand-sco-putin"),
            new("putin-xi-2022", Confirmed(Putin), "2022-09-13T10:00:00Z", "samarkand-putin-xi"),
        ],
        [
            new("putin-xi-2022", Held(Putin, Xi) with { Dates = Edtf("2022-09-15") }, "2022-09-15", "readout-putin-xi"),
            new("sco-2022", Held(Putin, Xi), "2022-09-16", "readout-sco"),
        ],
        [
            new("g20-2022", Declined(Putin, Lavrov), "2022-11-10", "peskov-g20", Peskov),
            new("g20-2022", Held(Lavrov), "2022-11-16", "readout-g20"),
        ],
        [
            // An article of 9 Sept 2022, imported after everything else.
            new("g20-2022", Expected(Xi, AttendanceMode.InPerson), "2022-09-09T07:30:00Z", "archive-g20-xi"),
        ],
        [
            new("asean-2022", Confirmed(Putin), "2022-09-12", WrongAseanConfirmation),
            new("asean-2022", new MeetingEvent.ReportRetracted(WrongAseanConfirmation, "the confirmation was for another summit"), "2022-12-01", "correction-asean"),
        ],
    ];

    /// <summary>Every file, imported in the order listed.</summary>
    public static IReadOnlyList<StoredEvent> InListedOrder() => LogBuilder.Of(Files.SelectMany(f => f));

    /// <summary>
    /// The same files imported in an order drawn by <paramref name="random"/>: the files' reports interleave at
    /// random, each file keeping its own order. Sequences, stream versions and recordedAt follow the new order.
    /// </summary>
    public static IReadOnlyList<StoredEvent> ImportedInRandomOrder(Random random)
    {
        var draws = Files.SelectMany((file, index) => Enumerable.Repeat(index, file.Count)).ToArray();
        random.Shuffle(draws);
        var next = new int[Files.Count];
        return LogBuilder.Of(draws.Select(file => Files[file][next[file]++]));
    }
}
