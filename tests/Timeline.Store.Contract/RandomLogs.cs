using CsCheck;
using Timeline.Core.Knowledge;
using Timeline.Core.Serialization;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingEvent;

namespace Timeline.Store.Contract;

/// <summary>One append of a random log: the events of each stream, and how many minutes the clock moved before it.</summary>
/// <param name="MinutesLater">0 gives the append the same recordedAt as the one before.</param>
public sealed record RandomAppend(int MinutesLater, IReadOnlyList<(MeetingId Stream, IReadOnlyList<PendingEvent> Events)> Streams);

/// <summary>A random log as appends, in append order.</summary>
public sealed record RandomLog(IReadOnlyList<RandomAppend> Appends)
{
    /// <summary>The recordedAt of the first append.</summary>
    public static readonly DateTimeOffset Start = new(2022, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The log as a store appends it: sequences and stream versions in append order, recordedAt moving as given.</summary>
    public IReadOnlyList<StoredEvent> Stamp()
    {
        var (log, versions, clock) = (new List<StoredEvent>(), new Dictionary<MeetingId, long>(), Start);
        foreach (var append in Appends)
        {
            clock = clock.AddMinutes(append.MinutesLater);
            foreach (var (stream, events) in append.Streams)
            {
                foreach (var e in events)
                {
                    var version = versions[stream] = versions.GetValueOrDefault(stream) + 1;
                    log.Add(new StoredEvent(
                        log.Count + 1, stream, version, e.EventId, EventTypeMap.NameOf(e.Event), e.Event, e.ReportedAt,
                        RecordedAt.Exactly(clock), "analyst", e.Source, e.CommandId));
                }
            }
        }
        return log;
    }

    /// <summary>The recordedAt of each append, in order.</summary>
    public IEnumerable<DateTimeOffset> RecordedAts()
    {
        var clock = Start;
        foreach (var append in Appends)
        {
            yield return clock = clock.AddMinutes(append.MinutesLater);
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("\n", Stamp().Select(e =>
        $"#{e.Sequence} {e.Stream.Value} v{e.StreamVersion} {e.EventType} reported {e.ReportedAt.Text} recorded {e.RecordedAt} cmd {e.CommandId} {e.EventId:D}: {e.Event}"));
}

/// <summary>
/// Random valid logs for the property tests of the as-of index: a few meetings, each announced first, then
/// attendance, postponements, reschedules, relocations, cancellations, holdings, re-announcements and retractions (of an
/// earlier entry, by command id or event id), with reportedAt drawn independently of append order (backdated reports,
/// shuffled imports, ties on one instant) and appends that share a recordedAt.
/// </summary>
public static class RandomLogs
{
    private static readonly string[] Meetings = ["g20-2022", "sco-2022", "putin-xi-2022", "apec-2022"];
    private static readonly string[] Names = ["Vladimir Putin", "vladimir putin", "Xi Jinping", "Narendra Modi", "Recep Erdoğan"];
    private static readonly string[] Dates = ["2022-09-15", "2022-09-15/2022-09-16", "2022-11", "2022-11?", "2023", "2022-10-01/2022-12", "2022-09-14"];
    private static readonly Location[] Places = [new("Bali", "Indonesia"), new(null, "Thailand"), new("Samarkand", "Uzbekistan")];

    /// <summary>A random log of 1 to <paramref name="maxEvents"/> events.</summary>
    public static Gen<RandomLog> Log(int maxEvents = 24) =>
        Gen.Select(Gen.Int[0, Meetings.Length - 1], Gen.Int[0, 12], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[1, 12], Gen.Int[0, 3], Gen.Int[0, 3])
            .List[1, maxEvents]
            .Select(steps => Resolve([.. steps.Select(s => new Step(s.Item1, s.Item2, s.Item3, s.Item4, s.Item5, s.Item6, s.Item7))]));

    /// <summary>A knowledge-time bound within (or around) the random logs' reports, or none.</summary>
    public static readonly Gen<Cutoff?> AsOf =
        Gen.Select(Gen.Int[1, 13], Gen.Int[0, 3]).Select(p => p.Item2 == 0 ? null : Cutoff.Parse(Reported(p.Item1, p.Item2 - 1)));

    /// <summary>A system-time bound around the appends of a log with a recordedAt per minute from <see cref="RandomLog.Start"/>, or none.</summary>
    public static readonly Gen<Cutoff?> RecordedAsOf =
        Gen.Select(Gen.Int[-1, 30], Gen.Int[0, 3]).Select(p => p.Item2 == 0 ? null : Cutoff.Parse(
            RandomLog.Start.AddMinutes(p.Item1).AddSeconds(p.Item2 == 1 ? 0 : 30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));

    private sealed record Step(int Meeting, int Kind, int A, int B, int Day, int Form, int Break);

    private static RandomLog Resolve(IReadOnlyList<Step> steps)
    {
        var known = Meetings.ToDictionary(m => m, _ => new List<PendingEvent>());
        var appends = new List<RandomAppend>();
        var current = new List<(MeetingId, PendingEvent)>();
        var minutes = 1;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var meeting = Meetings[step.Meeting];
            var earlier = known[meeting];
            var @event = earlier.Count == 0 ? Announcement(meeting, step) : Later(step, earlier);
            var pending = new PendingEvent(
                new Guid(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]), @event, ReportedAt.Parse(Reported(step.Day, step.Form % 3)),
                new Source(Speaker: step.B % 2 == 0 ? "Yury Ushakov" : null), $"cmd-{i + 1}");
            earlier.Add(pending);
            current.Add((MeetingId.Parse(meeting), pending));
            if (step.Break > 0 || i == steps.Count - 1)
            {
                appends.Add(new RandomAppend(minutes, [.. current.GroupBy(c => c.Item1).Select(g => (g.Key, (IReadOnlyList<PendingEvent>)[.. g.Select(c => c.Item2)]))]));
                current.Clear();
                minutes = step.Break == 3 ? 0 : 1;
            }
        }
        return new RandomLog(appends);
    }

    private static string Reported(int day, int form) => form switch
    {
        0 => $"2022-09-{day:00}",
        1 => $"2022-09-{day:00}T10:00:00Z",
        _ => $"2022-09-{day:00}T08:30:00+03:00",
    };

    private static ParticipantName Name(int i) => ParticipantName.Parse(Names[i % Names.Length]);

    private static EdtfDate Date(int i) => EdtfDate.Parse(Dates[i % Dates.Length]);

    private static MeetingEvent Announcement(string meeting, Step s) => (s.A % 3) switch
    {
        0 => new SummitAnnounced($"Summit {meeting}", s.B % 2 == 0 ? "G20" : "APEC", Places[s.B % Places.Length], Date(s.A), ["Joko Widodo"]),
        1 => new MeetingAnnounced($"Talks {meeting}", MeetingKind.Bilateral, [new(Name(s.B)), new(Name(s.B + 2), AttendanceLevel.Expected)], null, null, null),
        _ => new MeetingAnnounced($"Forum {meeting}", MeetingKind.Forum, [], Places[s.A % Places.Length], Date(s.B), MeetingId.Parse("sco-2022")),
    };

    private static MeetingEvent Later(Step s, List<PendingEvent> earlier) => s.Kind switch
    {
        0 => new ParticipantInvited(Name(s.A), s.B % 2 == 0 ? "Joko Widodo" : null),
        1 => new AttendanceAnnounced(Name(s.A), (AttendanceLevel)(1 + s.B % 3), s.B % 4 == 0 ? AttendanceMode.Virtual : null),
        2 => new AttendanceConfirmed(Name(s.A), s.B % 3 == 0 ? AttendanceMode.InPerson : null),
        3 => new AttendanceDeclined(Name(s.A), s.B % 2 == 0 ? Name(s.B + 1) : null, null),
        4 => new MeetingPostponed(s.B % 2 == 0 ? null : Date(s.B), "asked for more time"),
        5 => new MeetingRescheduled(Date(s.B)),
        6 => new MeetingRelocated(Places[s.B % Places.Length]),
        7 => new MeetingCancelled(null),
        8 => new MeetingHeld(s.B % 2 == 0 ? null : Date(s.B), [new Attendee(Name(s.A), AttendanceMode.InPerson)]),
        9 => Announcement("again", s),
        _ => earlier[s.A % earlier.Count] is var target && s.B % 2 == 0
            ? new ReportRetracted(target.CommandId, "entry error")
            : new ReportRetracted(earlier[s.A % earlier.Count].EventId.ToString("D"), "entry error"),
    };
}
