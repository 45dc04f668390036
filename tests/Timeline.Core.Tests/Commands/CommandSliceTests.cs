using Microsoft.Extensions.Time.Testing;
using Timeline.Core.Commands;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Serialization;
using Timeline.Domain.Meetings;
using static Timeline.Core.Tests.Commands.Submitting;

namespace Timeline.Core.Tests.Commands;

/// <summary>
/// Each command is declared once, in its slice; the command list, the validators and the stored event names derive
/// from those declarations and from the domain's unions.
/// </summary>
public sealed class CommandSliceTests
{
    // The domain's tests pin this order; messages must follow it.
    private static readonly string Known = string.Join(", ", MeetingCases.Commands.Select(c => c.Name));

    public static TheoryData<string> PinnedCases => CommandIdsTests.PinnedCases;

    [Fact]
    public void Every_domain_command_has_one_slice_listed_in_the_domain_s_order()
    {
        Assert.Equal(MeetingCases.Commands.Select(c => c.Name), CommandCatalog.Names);
        Assert.Equal(MeetingCases.Commands, CommandCatalog.Slices.Select(s => s.Command));
    }

    [Fact]
    public void Messages_list_the_commands_in_the_contract_s_order()
    {
        Assert.Equal($"'Postpone' is not a command; known commands: {Known}", ReadError("""{"command": "Postpone", "meetingId": "g20-2022"}""").Message);
        Assert.Equal($"expected the command's name ({Known}), found number 7", ReadError("""{"command": 7, "meetingId": "g20-2022"}""").Message);
    }

    [Theory]
    [MemberData(nameof(PinnedCases))]
    public void A_command_becomes_the_domain_command_of_its_name_which_yields_the_event_its_slice_stores(string name)
    {
        var input = Input(CommandIdsTests.Json(name));
        var slice = CommandCatalog.Slices.Single(s => s.Name == input.Command);

        var command = input.ToDomain();

        Assert.Equal(input.Command, command.GetType().Name);
        Assert.Equal(MeetingCases.EventOf(command.GetType()), slice.Event);
        Assert.Equal(slice.StoredEventName, EventTypeMap.Resolve(input.Command));
    }

    [Fact]
    public void Each_slice_checks_its_own_command_and_the_pinned_commands_pass()
    {
        var clock = new FakeTimeProvider(Now);
        var request = new ApplyCommands([.. CommandIdsTests.PinnedJson.Select((json, i) => new SubmittedCommand(Input(json), Origin with { Index = i }))]);

        var result = new ApplyCommandsValidator(clock).Validate(request);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
        Assert.Distinct(CommandCatalog.Slices.Select(s => s.Validator(clock).GetType()));
        Assert.All(request.Commands, c => Assert.True(CommandCatalog.ValidatorFor(c.Input, clock).CanValidateInstancesOfType(c.Input.GetType())));
    }
}
