using Timeline.Domain.Meetings;

namespace Timeline.Domain.Tests.Meetings;

/// <summary>
/// Given(events) / When(command) / Then(events) or ThenRejected(rule). Given folds the events with
/// <see cref="MeetingDecider.Evolve"/> from <see cref="MeetingDecider.Initial"/>.
/// </summary>
internal sealed class DeciderSpec
{
    private DeciderSpec(Meeting state) => State = state;

    /// <summary>The meeting the command is decided against.</summary>
    public Meeting State { get; }

    public static DeciderSpec Given(params MeetingEvent[] events) =>
        new(events.Aggregate(MeetingDecider.Initial, MeetingDecider.Evolve));

    /// <summary>Entries on record that a retraction may name (set by the envelope-aware fold in production).</summary>
    public DeciderSpec WithRetractableEntries(params string[] entryIds) =>
        new(State with { RetractableEntries = State.RetractableEntries.Union(entryIds) });

    public Decision When(MeetingCommand command) => new(State, command);

    internal sealed class Decision(Meeting state, MeetingCommand command)
    {
        /// <summary>Asserts the command is accepted with exactly <paramref name="expected"/>; returns the meeting they lead to.</summary>
        public Meeting Then(params MeetingEvent[] expected)
        {
            var actual = MeetingDecider.Decide(command, state);
            Assert.Equal(expected, actual);
            return actual.Aggregate(state, MeetingDecider.Evolve);
        }

        /// <summary>Asserts the command is accepted but changes nothing: no events.</summary>
        public void ThenNothingHappens() => Assert.Empty(MeetingDecider.Decide(command, state));

        /// <summary>Asserts the command breaks <paramref name="rule"/>.</summary>
        public MeetingRuleViolation ThenRejected(string rule)
        {
            var violation = Assert.Throws<MeetingRuleViolation>(() => MeetingDecider.Decide(command, state));
            Assert.Equal(rule, violation.Rule);
            return violation;
        }
    }
}

internal static class MeetingAssertions
{
    /// <summary>The participant of that name, failing the test when the meeting does not name them.</summary>
    public static Participant StandingOf(this Meeting meeting, ParticipantName name)
    {
        var participant = meeting.Find(name);
        Assert.NotNull(participant);
        return participant;
    }
}
