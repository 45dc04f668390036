using System.Collections.Immutable;
using Mediator;
using Timeline.Core.Knowledge;
using Timeline.Core.Storage;
using Timeline.Domain.Dates;
using Timeline.Domain.Meetings;

namespace Timeline.Core.Commands.ApplyCommands;

/// <summary>
/// The one command loop: read, fold as of the command's reportedAt, decide, append with the expected version. A batch
/// that loses a race (<see cref="WriteConflict"/>) is read, decided and appended again, a bounded number of times with
/// jittered pauses (<see cref="WriteRetry"/>): a command that pins a version then fails on its own rule
/// (<c>expected-version</c>, naming the version found), one whose command id another writer stored meanwhile becomes a
/// <c>duplicate</c>, and every other command simply lands after the winner. A dry run decides every command the same way
/// and appends nothing.
/// </summary>
internal sealed class ApplyCommandsHandler(IEventStore store, TimeProvider clock, Recorder recorder) : ICommandHandler<ApplyCommands, ApplyReport>
{
    public async ValueTask<ApplyReport> Handle(ApplyCommands request, CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            var decided = await DecideAsync(request, dryRun: true, cancellationToken);
            return decided.Report([], retries: 0);
        }
        var attempts = 0;
        try
        {
            return await WriteRetry.Pipeline.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    var decided = await DecideAsync(request, dryRun: false, ct);
                    IReadOnlyList<StoredEvent> stored = decided.Appends.Count > 0 ? await store.AppendAsync(decided.Appends, recorder.Name, ct) : [];
                    return decided.Report(stored, retries: attempts - 1);
                },
                cancellationToken);
        }
        catch (WriteConflict conflict)
        {
            throw new CommandRejected(null, "import", "write-conflict", $"{conflict.Message} (gave up after {attempts} attempts)", conflict);
        }
    }

    /// <summary>
    /// Decides every command of the batch against the store as it is now. A rejection ends a real run; in a dry run it
    /// becomes the command's outcome, and the commands after it are decided as if it had not been sent.
    /// </summary>
    private async Task<Decisions> DecideAsync(ApplyCommands request, bool dryRun, CancellationToken cancellationToken)
    {
        var commandIds = request.Commands.Select(c => CommandIds.Of(c.Input)).ToList();
        var alreadyApplied = await store.FindCommandsAsync([.. commandIds.Distinct(StringComparer.Ordinal)], cancellationToken);
        var firstUses = await FirstUsesAsync(request, alreadyApplied, cancellationToken);
        var seen = new Dictionary<string, SubmittedCommand>(StringComparer.Ordinal);
        var decisions = new Decisions();

        for (var i = 0; i < request.Commands.Count; i++)
        {
            var submitted = request.Commands[i];
            var commandId = commandIds[i];
            var command = submitted.Input.ToDomain();
            StreamWork? work = null;
            var stagedBefore = 0;
            try
            {
                if (alreadyApplied.Contains(commandId) || seen.ContainsKey(commandId))
                {
                    EnsureSameCommand(submitted, commandId, firstUses.GetValueOrDefault(commandId), seen.GetValueOrDefault(commandId));
                    decisions.Add(submitted, commandId, command.MeetingId, "duplicate", []);
                    continue;
                }
                seen.Add(commandId, submitted);

                if (!decisions.Streams.TryGetValue(command.MeetingId, out work))
                {
                    work = new StreamWork(command.MeetingId, await store.ReadStreamAsync(command.MeetingId, cancellationToken));
                    decisions.Streams.Add(command.MeetingId, work);
                }
                stagedBefore = work.Staged.Count;
                var pending = Decide(submitted, commandId, command, work);
                decisions.Add(submitted, commandId, command.MeetingId, pending.Count > 0 ? "applied" : "unchanged", pending);
            }
            catch (CommandRejected rejected) when (dryRun)
            {
                work?.Unstage(stagedBefore);
                if (seen.GetValueOrDefault(commandId) == submitted)
                {
                    seen.Remove(commandId);
                }
                decisions.Add(submitted, commandId, command.MeetingId, "rejected", [], rejected);
            }
            request.Progress?.Report(i + 1);
        }
        return decisions;
    }

    /// <summary>Decides one command against its stream and stages its events there.</summary>
    /// <exception cref="CommandRejected">It breaks a rule, pins another version, or would make a later report impossible.</exception>
    private List<PendingEvent> Decide(SubmittedCommand submitted, string commandId, MeetingCommand command, StreamWork work)
    {
        if (submitted.Input.ExpectedVersion is { } expected && expected != work.Version)
        {
            throw new CommandRejected(
                submitted.Origin,
                submitted.Input.Command,
                "expected-version",
                $"meeting '{command.MeetingId}' is at version {work.Version}, not {expected} as expected; read it again and resubmit");
        }

        var reportedAt = submitted.Input.Reported;
        var backdated = work.HasReportsAfter(reportedAt);
        IReadOnlyList<MeetingEvent> events;
        try
        {
            events = MeetingDecider.Decide(command, work.StateAt(reportedAt));
        }
        catch (MeetingRuleViolation violation)
        {
            throw new CommandRejected(submitted.Origin, submitted.Input.Command, violation.Rule, violation.Message, violation);
        }

        var now = clock.GetUtcNow();
        var pending = events.Select(e => new PendingEvent(Guid.CreateVersion7(now), e, reportedAt, submitted.Input.SourceOrNone, commandId)).ToList();
        work.Stage(pending, now, recorder.Name);
        if (pending.Count > 0 && backdated
            && TimelineFold.Contradiction(command.MeetingId, work.Events, pending.Select(e => e.EventId).ToHashSet()) is var (later, broken))
        {
            throw new CommandRejected(
                submitted.Origin,
                submitted.Input.Command,
                broken.Rule,
                $"reported {reportedAt}, it would make a later report impossible: '{History.EventSummary.Describe(later.Event)}' (reported {later.ReportedAt}), because then {broken.Message}");
        }
        return pending;
    }

    /// <summary>What a batch decided: each command's result and the events staged on each stream read.</summary>
    private sealed class Decisions
    {
        private readonly List<(SubmittedCommand Submitted, string CommandId, MeetingId Stream, string Result, IReadOnlyList<PendingEvent> Events, CommandRejected? Rejection)> _list = [];

        public Dictionary<MeetingId, StreamWork> Streams { get; } = [];

        public IReadOnlyList<StreamAppend> Appends => [.. Streams
            .Where(s => s.Value.Staged.Count > 0)
            .Select(s => new StreamAppend(s.Key, s.Value.StoredVersion, s.Value.Staged))];

        public void Add(SubmittedCommand submitted, string commandId, MeetingId stream, string result, IReadOnlyList<PendingEvent> events, CommandRejected? rejection = null) =>
            _list.Add((submitted, commandId, stream, result, events, rejection));

        /// <summary>The report, once <paramref name="stored"/> holds what was appended (nothing, for a dry run).</summary>
        public ApplyReport Report(IReadOnlyList<StoredEvent> stored, int retries)
        {
            var sequences = stored.ToDictionary(e => e.EventId, e => e.Sequence);
            var outcomes = _list.Select(d => new CommandOutcome(
                d.Submitted.Origin,
                d.Submitted.Input.Command,
                d.Stream.Value,
                d.CommandId,
                d.Result,
                [.. d.Events.Select(e => sequences.GetValueOrDefault(e.EventId))])
            {
                Events = d.Events.Count,
                Rule = d.Rejection?.Rule,
                Reason = d.Rejection?.Reason,
            }).ToList();
            return new ApplyReport(outcomes, stored.Count, Streams.ToDictionary(s => s.Key.Value, s => s.Value.Version, StringComparer.Ordinal))
            {
                Retries = retries,
                VersionsRead = Streams.ToDictionary(s => s.Key.Value, s => s.Value.StoredVersion, StringComparer.Ordinal),
            };
        }
    }

    /// <summary>The first stored event of every already-applied command that the request names by an explicit id.</summary>
    private async Task<Dictionary<string, StoredEvent>> FirstUsesAsync(
        ApplyCommands request, IReadOnlySet<string> alreadyApplied, CancellationToken cancellationToken)
    {
        var reused = request.Commands
            .Select(c => c.Input.CommandId)
            .Where(id => id is not null && alreadyApplied.Contains(id))
            .Select(id => id!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var firstUses = new Dictionary<string, StoredEvent>(StringComparer.Ordinal);
        if (reused.Count > 0)
        {
            await foreach (var e in store.ReadAllAsync(EventQuery.All with { CommandIds = reused }, cancellationToken))
            {
                firstUses.TryAdd(e.CommandId, e);
            }
        }
        return firstUses;
    }

    /// <summary>
    /// A command id names one command: sending it again (a retry) is a no-op, but giving it to a different command
    /// would silently drop that command, so that is refused. A retry may lack a reportedAt (the API then reports it at
    /// "now"), so a stored command is compared by meeting, kind of event and source; two commands of one request,
    /// by their whole content.
    /// </summary>
    private static void EnsureSameCommand(SubmittedCommand submitted, string commandId, StoredEvent? stored, SubmittedCommand? earlier)
    {
        var input = submitted.Input;
        string? difference = null;
        if (stored is not null)
        {
            difference = stored.Stream.Value != input.MeetingId ? $"meeting '{stored.Stream}', not '{input.MeetingId}'"
                : stored.EventType != Serialization.EventTypeMap.Resolve(input.Command) ? $"a {Serialization.EventTypeMap.DisplayName(stored.EventType)} event, not {input.Command}"
                : stored.Source != input.SourceOrNone ? "another source"
                : null;
            if (difference is not null)
            {
                difference += $" (recorded {stored.RecordedAt} by {stored.RecordedBy})";
            }
        }
        else if (earlier is not null && CommandIds.Derived(earlier.Input) != CommandIds.Derived(input))
        {
            difference = $"a different command at {earlier.Origin}";
        }
        if (difference is not null)
        {
            throw new CommandRejected(
                submitted.Origin,
                input.Command,
                "command-id-reused",
                $"command id '{commandId}' already names {difference}; a different command needs its own id (or none: Timeline derives one from the content)");
        }
    }

    /// <summary>
    /// A stream as read, plus what this batch has decided for it so far. Reports usually arrive in reportedAt order, so
    /// the meeting as known after the latest report is kept folded and each new event is folded onto it: deciding a
    /// long import costs one fold step per command. A backdated report, or a stream with retractions, falls back to
    /// <see cref="TimelineFold.ForDecision"/>, which folds the stream afresh and gives the same state.
    /// </summary>
    private sealed class StreamWork
    {
        private readonly MeetingId _stream;
        private readonly List<StoredEvent> _events;
        private MeetingView? _latest;
        private ImmutableHashSet<string> _retractable = [];
        private DateTimeOffset _latestReported = DateTimeOffset.MinValue;
        private bool _hasRetraction;

        public StreamWork(MeetingId stream, IReadOnlyList<StoredEvent> stored)
        {
            _stream = stream;
            _events = [.. stored];
            StoredVersion = stored.Count == 0 ? 0 : stored[^1].StreamVersion;
            _hasRetraction = stored.Any(e => e.Event is MeetingEvent.ReportRetracted);
            _latestReported = stored.Count == 0 ? DateTimeOffset.MinValue : stored.Max(e => e.ReportedAt.Instant);
        }

        public long StoredVersion { get; }

        public List<PendingEvent> Staged { get; } = [];

        public long Version => StoredVersion + Staged.Count;

        public IReadOnlyList<StoredEvent> Events => _events;

        /// <summary>True when something in the stream was reported after <paramref name="reportedAt"/>.</summary>
        public bool HasReportsAfter(ReportedAt reportedAt) => _latestReported > reportedAt.Instant;

        /// <summary>The meeting as known at <paramref name="reportedAt"/>, as <see cref="TimelineFold.ForDecision"/> defines it.</summary>
        public Meeting StateAt(ReportedAt reportedAt)
        {
            if (_hasRetraction || HasReportsAfter(reportedAt))
            {
                return TimelineFold.ForDecision(_stream, _events, reportedAt);
            }
            if (_latest is null)
            {
                _latest = TimelineFold.Effective(_events, null, null).Aggregate(MeetingView.Empty(_stream), (view, e) => view.Apply(e));
                _retractable = [.. _events.SelectMany(e => new[] { e.CommandId, TimelineFold.EventKey(e.EventId) })];
            }
            return _latest.State with { RetractableEntries = _retractable };
        }

        /// <summary>Takes back everything staged after the first <paramref name="keep"/> events (a dry run's rejected command).</summary>
        public void Unstage(int keep)
        {
            if (keep == Staged.Count)
            {
                return;
            }
            _events.RemoveRange(_events.Count - (Staged.Count - keep), Staged.Count - keep);
            Staged.RemoveRange(keep, Staged.Count - keep);
            _latest = null;
            _hasRetraction = _events.Any(e => e.Event is MeetingEvent.ReportRetracted);
            _latestReported = _events.Count == 0 ? DateTimeOffset.MinValue : _events.Max(e => e.ReportedAt.Instant);
        }

        // Staged events take provisional positions after everything stored, in staging order, so later commands
        // in the batch fold them exactly as they will be folded once stored.
        public void Stage(IReadOnlyList<PendingEvent> pending, DateTimeOffset now, string recordedBy)
        {
            foreach (var e in pending)
            {
                Staged.Add(e);
                var staged = new StoredEvent(
                    long.MaxValue / 2 + Staged.Count, _stream, Version, e.EventId, Serialization.EventTypeMap.NameOf(e.Event), e.Event,
                    e.ReportedAt, RecordedAt.CutDown(now), recordedBy, e.Source, e.CommandId);
                _events.Add(staged);
                _hasRetraction |= e.Event is MeetingEvent.ReportRetracted;
                if (_latest is not null && !_hasRetraction && e.ReportedAt.Instant >= _latestReported)
                {
                    _latest = _latest.Apply(staged);
                    _retractable = _retractable.Add(e.CommandId).Add(TimelineFold.EventKey(e.EventId));
                }
                else
                {
                    _latest = null;
                }
                if (e.ReportedAt.Instant > _latestReported)
                {
                    _latestReported = e.ReportedAt.Instant;
                }
            }
        }
    }
}
