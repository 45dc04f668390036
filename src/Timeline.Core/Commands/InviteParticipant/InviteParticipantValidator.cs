using FluentValidation;

namespace Timeline.Core.Commands.InviteParticipant;

internal sealed class InviteParticipantValidator : CommandInputValidator<InviteParticipantInput>
{
    public InviteParticipantValidator(TimeProvider clock)
        : base(clock)
    {
        RuleFor(c => c.Participant).Required().PersonName();
        RuleFor(c => c.InvitedBy).Text(InputRules.ShortTextLength);
    }
}
