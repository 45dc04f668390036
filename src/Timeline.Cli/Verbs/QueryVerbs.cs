using System.CommandLine;
using Timeline.Cli.Output;
using Timeline.Core.Attendance;
using Timeline.Core.Audit;
using Timeline.Core.History;
using Timeline.Core.Schedule;
using Timeline.Core.Serialization;

namespace Timeline.Cli.Verbs;

/// <summary><c>schedule</c>, <c>history</c>, <c>attendance</c> and <c>audit</c>: each sends one query and renders it (<see cref="Answers"/>).</summary>
internal static class QueryVerbs
{
    internal const string PointHelp = "a day (2022-09-10, the whole day UTC) or an instant with offset (2022-09-10T12:00:00Z)";

    public static Command Schedule(CliEnvironment environment)
    {
        var asOf = new Option<string?>("--as-of") { Description = $"What was known by then: {PointHelp}" };
        var recordedAsOf = new Option<string?>("--recorded-as-of") { Description = $"What the store had recorded by then: {PointHelp}" };
        var participant = new Option<string?>("--participant") { Description = "Only meetings naming this person (case-insensitive)" };
        var from = new Option<string?>("--from") { Description = "Only meetings on or after this EDTF date" };
        var to = new Option<string?>("--to") { Description = "Only meetings on or before this EDTF date" };
        var search = new Option<string?>("--search") { Description = "Only meetings whose title, organization or a participant's name contains this (ignoring case)" };
        var after = new Option<string?>("--after") { Description = "Only meetings after this cursor (the next of the previous page)" };
        var limit = new Option<int?>("--limit") { Description = $"At most this many meetings (1 to {SchedulePage.MaxLimit:N0}); the JSON's next is the cursor of the next page" };
        var command = new Command("schedule", "The schedule: every meeting with its status, dates and who is expected")
        {
            asOf, recordedAsOf, participant, from, to, search, after, limit,
        };
        return command.Answers(
            environment,
            parse => new GetSchedule(
                parse.GetValue(asOf),
                parse.GetValue(recordedAsOf),
                parse.GetValue(participant),
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(search),
                parse.GetValue(after),
                parse.GetValue(limit)),
            Tables.Schedule);
    }

    public static Command History(CliEnvironment environment)
    {
        var meeting = new Argument<string>("meeting") { Description = "The meeting's id, e.g. g20-2022" };
        var asOf = new Option<string?>("--as-of") { Description = $"Only what was reported by then: {PointHelp}" };
        var recordedAsOf = new Option<string?>("--recorded-as-of") { Description = $"Only what the store had recorded by then: {PointHelp}" };
        var command = new Command("history", "Every change to one meeting, in the order it was reported, with sources and retractions") { meeting, asOf, recordedAsOf };
        return command.Answers(environment, parse => new GetHistory(parse.GetValue(meeting)!, parse.GetValue(asOf), parse.GetValue(recordedAsOf)), Tables.History);
    }

    public static Command Attendance(CliEnvironment environment)
    {
        var participant = new Option<string?>("--participant") { Description = "Only this person (case-insensitive)" };
        var asOf = new Option<string?>("--as-of") { Description = $"What was known by then: {PointHelp}" };
        var recordedAsOf = new Option<string?>("--recorded-as-of") { Description = $"What the store had recorded by then: {PointHelp}" };
        var command = new Command("attendance", "When each attendance was announced versus confirmed, and what came of it") { participant, asOf, recordedAsOf };
        return command.Streams<AttendanceLedger, AttendanceDocument>(environment, parse => new GetAttendance(parse.GetValue(participant), parse.GetValue(asOf), parse.GetValue(recordedAsOf)), Tables.Attendance);
    }

    public static Command Audit(CliEnvironment environment)
    {
        var meeting = new Option<string?>("--meeting") { Description = "Only this meeting's events" };
        var commandName = new Option<string?>("--command") { Description = "Only events of this command or event (PostponeMeeting, MeetingPostponed)" };
        var speaker = new Option<string?>("--speaker") { Description = "Only reports whose speaker contains this (case-insensitive)" };
        var outlet = new Option<string?>("--outlet") { Description = "Only reports whose outlet contains this (case-insensitive)" };
        var recordedBy = new Option<string?>("--recorded-by") { Description = "Only events recorded by this user or key" };
        var reportedFrom = new Option<string?>("--reported-from") { Description = $"Only reports made on or after: {PointHelp}" };
        var reportedTo = new Option<string?>("--reported-to") { Description = $"Only reports made on or before: {PointHelp}" };
        var recordedAsOf = new Option<string?>("--recorded-as-of") { Description = $"Only events recorded by then: {PointHelp}" };
        var after = new Option<long>("--after") { Description = "Only events after this sequence number (the cursor for the next page)" };
        var limit = new Option<int?>("--limit") { Description = "At most this many events (default: every matching event)" };
        var command = new Command("audit", "Raw events with their metadata: who recorded what, when, and on what source")
        {
            meeting, commandName, speaker, outlet, recordedBy, reportedFrom, reportedTo, recordedAsOf, after, limit,
        };
        return command.Streams<AuditTrail, AuditDocument>(
            environment,
            parse => new GetAudit(
                parse.GetValue(meeting),
                parse.GetValue(commandName),
                parse.GetValue(speaker),
                parse.GetValue(outlet),
                parse.GetValue(recordedBy),
                parse.GetValue(reportedFrom),
                parse.GetValue(reportedTo),
                parse.GetValue(recordedAsOf),
                parse.GetValue(after),
                parse.GetValue(limit)),
            Tables.Audit);
    }

    /// <summary>Makes <paramref name="command"/> send the query its options make and print the answer: JSON, or the table.</summary>
    internal static Command Answers<T>(this Command command, CliEnvironment environment, Func<ParseResult, Mediator.IQuery<T>> query, Action<Spectre.Console.IAnsiConsole, T> table)
    {
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            Render(session.Screen, await session.Mediator.Send(query(parse), ct), table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Like <see cref="Answers{T}"/>, for an answer whose size grows with the log: JSON is written as the store's rows
    /// are read (<see cref="IStreamedAnswer{TDocument}"/>); the table, whose columns are measured over every row, is
    /// drawn once they are all read.
    /// </summary>
    internal static Command Streams<TAnswer, TDocument>(
        this Command command, CliEnvironment environment, Func<ParseResult, Mediator.IQuery<TAnswer>> query, Action<Spectre.Console.IAnsiConsole, TDocument> table)
        where TAnswer : IStreamedAnswer<TDocument>
    {
        command.SetAction((parse, cancellationToken) => TimelineCli.Execute(environment, parse, async (session, ct) =>
        {
            var answer = await session.Mediator.Send(query(parse), ct);
            if (session.Screen.Format == OutputFormat.Json)
            {
                await session.Screen.JsonAsync(answer, ct);
            }
            else
            {
                table(session.Screen.Console, await answer.ToDocumentAsync(ct));
            }
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    internal static void Render<T>(Screen screen, T document, Action<Spectre.Console.IAnsiConsole, T> table)
    {
        if (screen.Format == OutputFormat.Json)
        {
            screen.Json(document);
        }
        else
        {
            table(screen.Console, document);
        }
    }
}
