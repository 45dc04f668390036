using FluentValidation;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.InviteParticipant;

/// <summary><c>InviteParticipant</c>: participant, invitedBy?.</summary>
public sealed record InviteParticipantInput : CommandInput
{
    public override string Command => "InviteParticipant";

    public string? Participant { get; init; }

    public string? InvitedBy { get; init; }

    public override MeetingCommand ToDomain() =>
        new MeetingCommand.InviteParticipant(Meeting, ParticipantName.Parse(Participant!), InvitedBy?.Trim());

    internal static InviteParticipantInput Read(FieldReader r) => new() { Participant = r.Text("participant"), InvitedBy = r.Text("invitedBy") };

    internal override void WriteIdFields(CommandIdWriter writer)
    {
        writer.Text("participant", Participant);
        writer.Text("invitedBy", InvitedBy);
    }
}

internal sealed class InviteParticipantValidator : CommandInputValidator<InviteParticipantInput>
{
    public InviteParticipantValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Participant).Required().PersonName();
        RuleFor(c => c.InvitedBy).Text(InputRules.ShortTextLength);
    }
}
