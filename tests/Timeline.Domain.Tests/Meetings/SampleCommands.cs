using Timeline.Domain.Meetings;
using static Timeline.Domain.Meetings.MeetingCommand;
using static Timeline.Domain.Tests.Meetings.Seed;

namespace Timeline.Domain.Tests.Meetings;

/// <summary>One realistic command of each kind that needs an existing meeting, all about g20-2022.</summary>
internal static class SampleCommands
{
    public static IReadOnlyDictionary<string, MeetingCommand> OnG20 { get; } = new Dictionary<string, MeetingCommand>
    {
        [nameof(InviteParticipant)] = new InviteParticipant(G20, Putin, Widodo),
        [nameof(AnnounceAttendance)] = new AnnounceAttendance(G20, Putin, AttendanceLevel.Expected, AttendanceMode.InPerson),
        [nameof(ConfirmAttendance)] = new ConfirmAttendance(G20, Putin, AttendanceMode.InPerson),
        [nameof(DeclineAttendance)] = new DeclineAttendance(G20, Putin, Lavrov, "the president's schedule does not allow it"),
        [nameof(PostponeMeeting)] = new PostponeMeeting(G20, null, "the host asked for more time"),
        [nameof(RescheduleMeeting)] = new RescheduleMeeting(G20, Edtf("2022-11-16/2022-11-17")),
        [nameof(RelocateMeeting)] = new RelocateMeeting(G20, Jakarta),
        [nameof(CancelMeeting)] = new CancelMeeting(G20, "called off by the host"),
        [nameof(RecordMeetingHeld)] = new RecordMeetingHeld(G20, null, [new Attendee(Xi, AttendanceMode.InPerson)]),
    };
}
