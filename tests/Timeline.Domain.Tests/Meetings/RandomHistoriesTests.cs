using System.Reflection;
using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

/// <summary>
/// Property-style checks over thousands of histories drawn by a seeded <see cref="Random"/>, so every run sees the
/// same histories and a failure names the history that broke.
/// </summary>
public sealed class RandomHistoriesTests
{
    private const int RandomSeed = 20_220_908;
    private const int Histories = 5_000;
    private const int LongestHistory = 40;

    private static readonly IReadOnlyList<MeetingCommand> G20Commands =
    [
        AnnounceG20,
        AnnounceG20 with { Dates = Edtf("2022-11-15") },
        new AnnounceMeeting(G20, "G20 summit", MeetingKind.Summit, [new(Putin, AttendanceLevel.Expected)], Bali, G20Dates, G20),
        .. SampleCommands.OnG20.Values,
        new InviteParticipant(G20, Lavrov, null),
        new AnnounceAttendance(G20, Name("vladimir putin"), AttendanceLevel.Planned, null),
        new AnnounceAttendance(G20, Xi, AttendanceLevel.Possible, AttendanceMode.Virtual),
        new AnnounceAttendance(G20, Xi, AttendanceLevel.Confirmed, null),
        new ConfirmAttendance(G20, Xi, null),
        new DeclineAttendance(G20, Xi, null, null),
        new PostponeMeeting(G20, Edtf("2023"), null),
        new RescheduleMeeting(G20, G20Dates),
        new RelocateMeeting(G20, Bali),
        new CancelMeeting(G20, null),
        new RecordMeetingHeld(G20, G20Dates, [new Attendee(Putin, AttendanceMode.InPerson, Lavrov), new Attendee(Xi, AttendanceMode.Virtual)]),
        new RecordMeetingHeld(G20, null, []),
        new RetractReport(G20, "cmd-2022-09-08-ushakov-g20", "entered by mistake"),
    ];

    private static readonly HashSet<string> Rules = typeof(MeetingRules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Folding_thousands_of_random_event_histories_never_throws_and_names_each_participant_once()
    {
        var random = new Random(RandomSeed);
        for (var history = 0; history < Histories; history++)
        {
            var folded = new List<MeetingEvent>();
            var meeting = MeetingDecider.Initial;
            for (var length = random.Next(LongestHistory + 1); folded.Count < length;)
            {
                var @event = SampleEvents.All[random.Next(SampleEvents.All.Count)];
                folded.Add(@event);
                try
                {
                    meeting = MeetingDecider.Evolve(meeting, @event);
                }
                catch (Exception e)
                {
                    Assert.Fail($"history {history} threw folding [{string.Join(", ", folded)}]: {e}");
                }

                Assert.Equal(meeting.Participants.Count, meeting.Participants.Select(p => p.Name).Distinct().Count());
                if (!meeting.Exists)
                {
                    Assert.Equal(Meeting.Initial, meeting);
                }
            }
        }
    }

    [Fact]
    public void Deciding_random_command_histories_rejects_only_by_named_rules_and_an_accepted_command_repeated_is_a_no_op()
    {
        var random = new Random(RandomSeed);
        var (accepted, repeats, rejected) = (0, 0, 0);
        for (var history = 0; history < Histories; history++)
        {
            var decided = new List<string>();
            var meeting = MeetingDecider.Initial;
            for (var length = random.Next(LongestHistory + 1); decided.Count < length;)
            {
                var command = G20Commands[random.Next(G20Commands.Count)];
                decided.Add(command.ToString());
                IReadOnlyList<MeetingEvent> events;
                try
                {
                    events = MeetingDecider.Decide(command, meeting);
                }
                catch (MeetingRuleViolation violation)
                {
                    Assert.Contains(violation.Rule, Rules);
                    rejected++;
                    continue;
                }
                catch (Exception e)
                {
                    Assert.Fail($"history {history} threw other than a rule violation after [{string.Join(", ", decided)}]: {e}");
                    throw;
                }

                if (events.Count == 0)
                {
                    repeats++;
                    continue;
                }
                accepted++;
                meeting = events.Aggregate(meeting, MeetingDecider.Evolve);
                if (command is not RetractReport)
                {
                    Assert.True(
                        MeetingDecider.Decide(command, meeting).Count == 0,
                        $"history {history}: repeating the last command was not a no-op after [{string.Join(", ", decided)}]");
                }
            }
        }

        // The histories must exercise every outcome, or the property proves little.
        Assert.True(accepted > 1_000 && repeats > 1_000 && rejected > 1_000, $"accepted {accepted}, repeats {repeats}, rejected {rejected}");
    }
}
