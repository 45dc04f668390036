using System.Globalization;
using System.Text.Json;

namespace Timeline.Benchmarks.Archive;

/// <summary>
/// Writes one meeting's script: an announcement, three to seven reports (attendance statements, invitations,
/// reschedules, postponements, relocations), then usually the outcome (held with its attendees, or cancelled) and
/// now and then a retraction of an earlier entry. In one meeting in three, one report arrives late (backdated).
/// </summary>
/// <remarks>
/// Every command must be applied on import, so the script tracks the meeting as Timeline will know it at each
/// reportedAt: no command repeats what is already so (which Timeline would take as a no-op), nothing follows a
/// cancellation or the meeting being held, a retraction names an entry made before it, and a backdated report is an
/// attendance statement about a participant no later report mentions, so its late arrival changes no other decision.
/// </remarks>
internal sealed class MeetingScript
{
    private static readonly string[] AnnounceableLevels = ["possible", "expected", "planned"];

    private readonly ArchiveCast _cast;
    private readonly Random _rng;
    private readonly int _index;
    private readonly DateTimeOffset _lastReport;
    private readonly List<ArchiveCommand> _commands = [];
    private readonly List<Standing> _people = [];
    private (string City, string Country) _place;
    private MeetingDates? _dates;
    private MeetingDates _anchor;
    private DateTimeOffset _latest = DateTimeOffset.MinValue;
    private string _id = string.Empty;
    private string _title = string.Empty;

    private MeetingScript(ArchiveCast cast, Random rng, int index, DateTimeOffset lastReport, MeetingDates dates)
    {
        _cast = cast;
        _rng = rng;
        _index = index;
        _lastReport = lastReport;
        _anchor = dates;
        _dates = dates;
    }

    /// <summary>A summit that later bilateral talks can be on the sidelines of.</summary>
    public sealed record Summit(string Id, DateOnly First, (string City, string Country) Place);

    private sealed class Standing(string name, string level)
    {
        public string Name { get; } = name;

        public string Level { get; set; } = level;
    }

    /// <summary>Writes meeting <paramref name="index"/>, whose dates start around <paramref name="day"/>.</summary>
    /// <param name="seed">The archive's seed; each meeting draws from its own generator, so it does not depend on the others.</param>
    /// <param name="lastReport">No report is made after this.</param>
    /// <param name="recentSummit">The latest summit before this meeting, for talks on its sidelines.</param>
    public static PlannedMeeting Write(ArchiveCast cast, int seed, int index, double spacingDays, DateOnly firstDay, DateTimeOffset lastReport, Summit? recentSummit)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + (index * 7_919) + 17));
        var day = firstDay.AddDays((int)Math.Floor((index + rng.NextDouble()) * spacingDays));
        var kind = Kind(rng.NextDouble());
        var script = new MeetingScript(cast, rng, index, lastReport, InitialDates(kind, day, rng));
        script._place = cast.Places.Pick(rng);
        var announcedAt = At(day.AddDays(-rng.Next(15, 151)), rng);
        script.Announce(kind, day, announcedAt, recentSummit);
        var announced = (script._id, script._title, script._anchor, script._place);
        script.Report(announcedAt, day);
        return new PlannedMeeting(index, announced._id, kind, announced._title, announced._anchor, announced._place, script._commands);
    }

    private static string Kind(double roll) => roll switch
    {
        < 0.18 => "summit",
        < 0.58 => "bilateral",
        < 0.66 => "trilateral",
        < 0.78 => "forum",
        < 0.94 => "visit",
        _ => "other",
    };

    private static MeetingDates InitialDates(string kind, DateOnly day, Random rng)
    {
        var roll = rng.NextDouble();
        return kind switch
        {
            "summit" => roll < 0.7 ? MeetingDates.Days(day, rng.Next(2, 4)) : roll < 0.85 ? MeetingDates.Month(day, "?") : MeetingDates.Day(day),
            "forum" => MeetingDates.Days(day, rng.Next(3, 5)),
            "visit" => MeetingDates.Days(day, rng.Next(1, 4)),
            _ => roll < 0.8 ? MeetingDates.Day(day) : roll < 0.9 ? MeetingDates.AboutDay(day) : MeetingDates.Month(day),
        };
    }

    /// <summary>A time during the working day of <paramref name="day"/>.</summary>
    private static DateTimeOffset At(DateOnly day, Random rng) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddMinutes(rng.Next(0, 12 * 60));

    private void Announce(string kind, DateOnly day, DateTimeOffset at, Summit? recentSummit)
    {
        var year = day.Year.ToString(CultureInfo.InvariantCulture);
        var dates = _anchor;
        if (kind == "summit")
        {
            var organization = _cast.Organizations.Pick(_rng);
            _id = $"{organization.Slug}-{year}-{_index}";
            _title = $"{organization.Name} summit";
            var place = _place;
            string[] hosts = _rng.NextDouble() < 0.6 ? [_cast.People.Pick(_rng)] : [];
            Add("AnnounceSummit", at, null, hosts, w =>
            {
                w.WriteString("title", _title);
                w.WriteString("organization", organization.Name);
                WriteLocation(w, place);
                w.WriteString("dates", dates.Text);
                if (hosts.Length > 0)
                {
                    w.WriteStartArray("hosts");
                    w.WriteStringValue(hosts[0]);
                    w.WriteEndArray();
                }
            }, $"The {_title} will be held in {place.City} on {dates.Text}.");
            return;
        }

        var count = kind switch
        {
            "bilateral" or "visit" => 2,
            "trilateral" => 3,
            "forum" => _rng.Next(1, 4),
            _ => _rng.Next(1, 3),
        };
        var named = new List<(string Name, string Level, string? Mode)>();
        for (var i = 0; i < count; i++)
        {
            var name = _cast.People.PickOther(_rng, [.. named.Select(n => n.Name)]);
            var roll = _rng.NextDouble();
            var level = roll < 0.7 ? "planned" : roll < 0.9 ? "expected" : "possible";
            named.Add((name, level, _rng.NextDouble() < 0.1 ? "virtual" : null));
            _people.Add(new Standing(name, level));
        }
        string? sidelinesOf = null;
        if (kind == "bilateral" && recentSummit is { } summit && day.DayNumber - summit.First.DayNumber is >= 0 and <= 10 && _rng.NextDouble() < 0.35)
        {
            sidelinesOf = summit.Id;
            _place = summit.Place;
        }
        _id = $"{kind}-{year}-{_index}";
        _title = kind switch
        {
            "bilateral" => $"Talks between {named[0].Name} and {named[1].Name}",
            "trilateral" => $"{named[0].Name}, {named[1].Name} and {named[2].Name} talks",
            "forum" => $"{_cast.Forums.Pick(_rng)} {year}",
            "visit" => $"{named[0].Name} visit to {_place.Country}",
            _ => $"Working meeting with {named[0].Name}",
        };
        var meetingPlace = _place;
        Add("AnnounceMeeting", at, null, [.. named.Select(n => n.Name)], w =>
        {
            w.WriteString("title", _title);
            w.WriteString("kind", kind);
            w.WriteStartArray("participants");
            foreach (var (name, level, mode) in named)
            {
                if (level == "planned" && mode is null)
                {
                    w.WriteStringValue(name);
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("level", level);
                ArchiveCommand.WriteOptional(w, "mode", mode);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteLocation(w, meetingPlace);
            w.WriteString("dates", dates.Text);
            ArchiveCommand.WriteOptional(w, "sidelinesOf", sidelinesOf);
        }, $"{named[0].Name} will take part in the {_title}.");
    }

    /// <summary>The reports after the announcement: the middle of the script, its outcome, a retraction, a late arrival.</summary>
    private void Report(DateTimeOffset announcedAt, DateOnly day)
    {
        var middle = _rng.Next(3, 8);
        var from = announcedAt.AddHours(1);
        var until = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-6);
        var times = Enumerable.Range(0, middle)
            .Select(_ => from.AddMinutes(_rng.NextDouble() * (until - from).TotalMinutes))
            .Order()
            .ToList();
        foreach (var time in times)
        {
            if (time > _lastReport)
            {
                return;
            }
            ReportOne(time);
        }
        var middleSteps = _commands.Count;
        Conclude();
        var retracted = Retract(middleSteps);
        ArriveLate(middleSteps, retracted);
    }

    private void ReportOne(DateTimeOffset time)
    {
        var options = new List<(Action<DateTimeOffset> Report, int Weight)>
        {
            (Join, 9),
            (Invite, 9),
            (Reschedule, 7),
            (Postpone, 5),
            (Relocate, 5),
        };
        if (_people.Count > 0)
        {
            options.Add((Restate, 24));
        }
        if (_people.Any(p => p.Level != "confirmed"))
        {
            options.Add((Confirm, 22));
        }
        if (_people.Any(p => p.Level != "declined"))
        {
            options.Add((Decline, 8));
        }
        var roll = _rng.Next(options.Sum(o => o.Weight));
        foreach (var (report, weight) in options)
        {
            if (roll < weight)
            {
                report(time);
                return;
            }
            roll -= weight;
        }
    }

    private void Restate(DateTimeOffset time)
    {
        var person = _people[_rng.Next(_people.Count)];
        var level = AnnounceableLevels.Where(l => l != person.Level).ElementAt(_rng.Next(person.Level is "possible" or "expected" or "planned" ? 2 : 3));
        person.Level = level;
        var mode = Mode(0.15, 0.5);
        Add("AnnounceAttendance", time, person.Name, [person.Name], w =>
        {
            w.WriteString("participant", person.Name);
            w.WriteString("level", level);
            ArchiveCommand.WriteOptional(w, "mode", mode);
        }, $"{person.Name} {Phrase(level)} the {_title}.");
    }

    private void Join(DateTimeOffset time)
    {
        var name = NewParticipant();
        var level = AnnounceableLevels[_rng.Next(AnnounceableLevels.Length)];
        _people.Add(new Standing(name, level));
        Add("AnnounceAttendance", time, name, [name], w =>
        {
            w.WriteString("participant", name);
            w.WriteString("level", level);
        }, $"{name} {Phrase(level)} the {_title}.");
    }

    private void Invite(DateTimeOffset time)
    {
        var name = NewParticipant();
        _people.Add(new Standing(name, "invited"));
        var invitedBy = _rng.NextDouble() < 0.5 ? $"the government of {_place.Country}" : null;
        Add("InviteParticipant", time, name, [name], w =>
        {
            w.WriteString("participant", name);
            ArchiveCommand.WriteOptional(w, "invitedBy", invitedBy);
        }, $"{name} has been invited to the {_title}.");
    }

    private void Confirm(DateTimeOffset time)
    {
        var candidates = _people.Where(p => p.Level != "confirmed").ToList();
        var person = candidates[_rng.Next(candidates.Count)];
        person.Level = "confirmed";
        var mode = Mode(0.2, 0.3);
        Add("ConfirmAttendance", time, person.Name, [person.Name], w =>
        {
            w.WriteString("participant", person.Name);
            ArchiveCommand.WriteOptional(w, "mode", mode);
        }, $"{person.Name} will take part in the {_title}, it is confirmed.");
    }

    private void Decline(DateTimeOffset time)
    {
        var candidates = _people.Where(p => p.Level != "declined").ToList();
        var person = candidates[_rng.Next(candidates.Count)];
        person.Level = "declined";
        var representedBy = _rng.NextDouble() < 0.7 ? _cast.People.PickOther(_rng, [.. _people.Select(p => p.Name)]) : null;
        var reason = _rng.NextDouble() < 0.3 ? Reason() : null;
        Add("DeclineAttendance", time, person.Name, representedBy is null ? [person.Name] : [person.Name, representedBy], w =>
        {
            w.WriteString("participant", person.Name);
            ArchiveCommand.WriteOptional(w, "representedBy", representedBy);
            ArchiveCommand.WriteOptional(w, "reason", reason);
        }, representedBy is null
            ? $"{person.Name} will not attend the {_title}."
            : $"{person.Name} will not attend the {_title}; {representedBy} will lead the delegation.");
    }

    private void Reschedule(DateTimeOffset time)
    {
        var dates = _anchor.Later(_rng.Next(1, 46));
        _dates = _anchor = dates;
        Add("RescheduleMeeting", time, null, [], w => w.WriteString("dates", dates.Text), $"The {_title} has been moved to {dates.Text}.");
    }

    private void Postpone(DateTimeOffset time)
    {
        // Dates to be decided, unless they already are: postponing again to no dates would change nothing.
        var dates = _dates is not null && _rng.NextDouble() < 0.4 ? null : _anchor.Later(_rng.Next(7, 61));
        _dates = dates;
        _anchor = dates ?? _anchor;
        var reason = _rng.NextDouble() < 0.5 ? Reason() : null;
        Add("PostponeMeeting", time, null, [], w =>
        {
            ArchiveCommand.WriteOptional(w, "dates", dates?.Text);
            ArchiveCommand.WriteOptional(w, "reason", reason);
        }, dates is null ? $"The {_title} has been postponed until further notice." : $"The {_title} has been postponed to {dates.Text}.");
    }

    private void Relocate(DateTimeOffset time)
    {
        var place = _cast.Places.PickOther(_rng, [_place]);
        _place = place;
        Add("RelocateMeeting", time, null, [], w => WriteLocation(w, place), $"The {_title} will now be held in {place.City}.");
    }

    /// <summary>The outcome, once the meeting's dates have passed: held (mostly), cancelled, or never reported.</summary>
    private void Conclude()
    {
        var roll = _rng.NextDouble();
        if (roll < 0.07)
        {
            var at = _latest.AddMinutes(_rng.Next(60, 72 * 60));
            if (at <= _lastReport)
            {
                var reason = _rng.NextDouble() < 0.6 ? Reason() : null;
                Add("CancelMeeting", at, null, [], w => ArchiveCommand.WriteOptional(w, "reason", reason), $"The {_title} has been called off.");
            }
            return;
        }
        if (roll >= 0.87)
        {
            return;
        }
        // A meeting still postponed without dates is reported held with the dates it finally had.
        var heldDates = _dates is null ? _anchor.Later(_rng.Next(20, 91)) : null;
        var heldAt = At((heldDates ?? _dates!).Last.AddDays(1), _rng);
        if (heldAt > _lastReport)
        {
            return;
        }
        var attendees = new List<(string Name, string? Mode)>();
        foreach (var person in _people)
        {
            if (person.Level is "confirmed" or "planned" or "expected" || (person.Level == "possible" && _rng.NextDouble() < 0.5))
            {
                attendees.Add((person.Name, Mode(0.2, 0.3)));
            }
        }
        foreach (var representative in _commands
            .Where(c => c.Name == "DeclineAttendance" && c.People.Count == 2)
            .Select(c => c.People[1])
            .Where(name => attendees.All(a => a.Name != name) && _people.All(p => p.Name != name)))
        {
            attendees.Add((representative, null));
        }
        attendees = [.. attendees.Take(10)];
        Add("RecordMeetingHeld", heldAt, null, [.. attendees.Select(a => a.Name)], w =>
        {
            ArchiveCommand.WriteOptional(w, "dates", heldDates?.Text);
            if (attendees.Count == 0)
            {
                return;
            }
            w.WriteStartArray("attendees");
            foreach (var (name, mode) in attendees)
            {
                if (mode is null)
                {
                    w.WriteStringValue(name);
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("participant", name);
                w.WriteString("mode", mode);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }, $"The {_title} took place.");
    }

    /// <summary>Now and then an entry turns out to be an error: a retraction names it by its command id.</summary>
    private ArchiveCommand? Retract(int middleSteps)
    {
        var candidates = _commands.Take(middleSteps).Skip(1)
            .Where(c => c.Name is "AnnounceAttendance" or "ConfirmAttendance" or "RelocateMeeting")
            .ToList();
        if (candidates.Count == 0 || _rng.NextDouble() >= 0.03)
        {
            return null;
        }
        var at = _latest.AddDays(_rng.Next(1, 21)).AddMinutes(_rng.Next(0, 600));
        if (at > _lastReport)
        {
            return null;
        }
        var target = candidates[_rng.Next(candidates.Count)];
        target.CommandId = $"{_id}.{target.Step}";
        var reason = ArchiveNames.RetractionReasons[_rng.Next(ArchiveNames.RetractionReasons.Length)];
        var retracts = target.CommandId;
        Add("RetractReport", at, null, [], w =>
        {
            w.WriteString("retracts", retracts);
            w.WriteString("reason", reason);
        }, null);
        return target;
    }

    /// <summary>
    /// One meeting in three has a report that reaches the archive late, an old article imported after newer ones: an
    /// attendance statement about a participant that no later report of the meeting mentions (and that no retraction
    /// touches), so the late arrival changes no other decision.
    /// </summary>
    private void ArriveLate(int middleSteps, ArchiveCommand? retracted)
    {
        if (_rng.NextDouble() >= 0.35)
        {
            return;
        }
        var middle = _commands.Take(middleSteps).ToList();
        var eligible = middle.Skip(1)
            .Where(c => c.Participant is { } person
                && c != retracted
                && person != retracted?.Participant
                && middle.Skip(c.Step + 1).All(later => later.Participant != person))
            .ToList();
        if (eligible.Count == 0)
        {
            return;
        }
        var late = eligible[_rng.Next(eligible.Count)];
        late.Arrives = late.ReportedAt.AddDays(_rng.Next(2, 91)).AddMinutes(_rng.Next(0, 600));
    }

    private string NewParticipant() => _cast.People.PickOther(_rng, [.. _people.Select(p => p.Name)]);

    /// <summary>A mode, said in a share <paramref name="said"/> of reports, virtual in a share <paramref name="virtualShare"/> of those.</summary>
    private string? Mode(double said, double virtualShare) =>
        _rng.NextDouble() < said ? (_rng.NextDouble() < virtualShare ? "virtual" : "in-person") : null;

    private string Reason() => ArchiveNames.Reasons[_rng.Next(ArchiveNames.Reasons.Length)];

    private static string Phrase(string level) => level switch
    {
        "possible" => "may attend",
        "expected" => "is expected to attend",
        _ => "plans to attend",
    };

    private static void WriteLocation(Utf8JsonWriter writer, (string City, string Country) place)
    {
        writer.WriteStartObject("location");
        writer.WriteString("city", place.City);
        writer.WriteString("country", place.Country);
        writer.WriteEndObject();
    }

    /// <summary>Adds a command at <paramref name="time"/>, after every earlier one of the meeting, with a source.</summary>
    private void Add(string name, DateTimeOffset time, string? participant, IReadOnlyList<string> people, Action<Utf8JsonWriter> fields, string? quote)
    {
        // Whole seconds, as written: two reports of one meeting never share an instant, and the file says exactly when.
        time = new DateTimeOffset(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (time <= _latest)
        {
            time = _latest.AddMinutes(1);
        }
        // Three reports in ten give only the day; a day means its midnight, so it must still come after the last report.
        var midnight = new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero);
        var asDay = _rng.NextDouble() < 0.3 && midnight > _latest;
        var reportedAt = asDay ? midnight : time;
        _latest = reportedAt;
        var command = new ArchiveCommand(name, _id, _index, _commands.Count, reportedAt, asDay, participant, people, fields)
        {
            Arrives = reportedAt,
            Source = Source(reportedAt, quote),
        };
        _commands.Add(command);
    }

    private ArchiveSource? Source(DateTimeOffset reportedAt, string? quote)
    {
        var speaker = _rng.NextDouble() < 0.9 ? _cast.Speakers.Pick(_rng) : null;
        (string Name, string Host)? outlet = _rng.NextDouble() < 0.85 ? _cast.Outlets.Pick(_rng) : null;
        var day = reportedAt.UtcDateTime;
        var url = outlet is { } o && _rng.NextDouble() < 0.8
            ? string.Create(CultureInfo.InvariantCulture, $"https://{o.Host}/{day:yyyy/MM/dd}/{_index}-{_commands.Count}")
            : null;
        var publishedAt = _rng.NextDouble() < 0.25 ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        quote = _rng.NextDouble() < 0.6 ? quote : null;
        return speaker is null && outlet is null && quote is null ? null : new ArchiveSource(outlet?.Name, url, publishedAt, speaker, quote);
    }
}
