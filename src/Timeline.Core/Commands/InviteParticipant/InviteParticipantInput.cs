using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.InviteParticipant;

/// <summary><c>InviteParticipant</c>: participant, invitedBy?.</summary>
internal sealed record InviteParticipantInput
    : CommandInput<MeetingCommand.InviteParticipant, MeetingEvent.ParticipantInvited>, ICommandSlice<InviteParticipantInput>
{
    static string ICommandSlice<InviteParticipantInput>.StoredEventName => "participant-invited.v1";

    public string? Participant { get; init; }

    public string? InvitedBy { get; init; }

    public override MeetingCommand.InviteParticipant ToDomain() =>
        new(Meeting, ParticipantName.Parse(Participant!), InvitedBy?.Trim());

    static InviteParticipantInput ICommandSlice<InviteParticipantInput>.Read(FieldReader r) => new()
    {
        Participant = r.Text("participant"),
        InvitedBy = r.Text("invitedBy"),
    };

    static IValidator<InviteParticipantInput> ICommandSlice<InviteParticipantInput>.Validator(TimeProvider clock) =>
        new InviteParticipantValidator(clock);

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("invitedBy", InvitedBy);
    }
}
