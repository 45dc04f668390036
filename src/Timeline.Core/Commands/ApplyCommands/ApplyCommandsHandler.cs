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
        var loop = new CommandLoop(store, clock, recorder);
        var reads = new CommandLoop.Reads(store.ReadStreamAsync, store.FindCommandsAsync);
        if (request.DryRun)
        {
            var decided = await loop.DecideAsync(request.Commands.ToAsyncEnumerable(), reads, CommandLoop.Whole(request), request.Progress, cancellationToken);
            decided.Settle([], written: false);
            return decided.Report(retries: 0);
        }
        var attempts = 0;
        try
        {
            return await WriteRetry.Pipeline.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    var decided = await loop.DecideAsync(request.Commands.ToAsyncEnumerable(), reads, CommandLoop.Whole(request), request.Progress, ct);
                    var appends = decided.Appends;
                    decided.Settle(appends.Count > 0 ? await store.AppendAsync(appends, recorder.Name, ct) : [], written: true);
                    return decided.Report(retries: attempts - 1);
                },
                cancellationToken);
        }
        catch (WriteConflict conflict)
        {
            throw new CommandRejected(null, "import", "write-conflict", $"{conflict.Message} (gave up after {attempts} attempts)", conflict);
        }
    }
}

/// <summary>
/// The one command loop: read, fold as of the command's reportedAt, decide, stage with the expected version. Commands
/// are taken as they come, in batches; after each batch a writer may append what was staged (an import, inside its
/// transaction) and the loop forgets the commands and all but the meetings it worked on lately. A rejection ends a
/// real run; in a dry run it becomes the command's outcome, and the commands after it are decided as if it had not
/// been sent.
/// </summary>
internal sealed class CommandLoop(IEventStore store, TimeProvider clock, Recorder recorder)
{
    /// <summary>Where the loop reads streams and stored command ids: the store, or an open write transaction of it.</summary>
    public sealed record Reads(
        Func<MeetingId, CancellationToken, Task<IReadOnlyList<StoredEvent>>> ReadStreamAsync,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> FindCommandsAsync);

    /// <summary>How the loop batches and what it keeps.</summary>
    /// <param name="BatchSize">Commands decided before <paramref name="WriteAsync"/> runs.</param>
    /// <param name="DryRun">Rejections become outcomes instead of ending the run.</param>
    /// <param name="KeepOutcomes">Keep every command's outcome for the report, not only the counts.</param>
    /// <param name="WriteAsync">Appends what a batch staged and settles it (<see cref="Decisions.Settle"/>); null to leave it all staged.</param>
    /// <param name="KeepStreams">How many meetings to keep folded between batches; others are read again when needed.</param>
    public sealed record Batching(int BatchSize, bool DryRun, bool KeepOutcomes, Func<Decisions, CancellationToken, Task>? WriteAsync, int KeepStreams = int.MaxValue);

    /// <summary>A request decided as one batch: everything staged until the caller appends it.</summary>
    public static Batching Whole(ApplyCommands request) => new(int.MaxValue, request.DryRun, KeepOutcomes: true, WriteAsync: null);

    public async Task<Decisions> DecideAsync(
        IAsyncEnumerable<SubmittedCommand> commands, Reads reads, Batching batching, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var decisions = new Decisions(batching.KeepOutcomes);
        var batch = new List<SubmittedCommand>();
        var decided = 0;
        await foreach (var submitted in commands.WithCancellation(cancellationToken))
        {
            batch.Add(submitted);
            if (batch.Count >= batching.BatchSize)
            {
                decided = await DecideBatchAsync(batch, reads, decisions, batching.DryRun, decided, progress, cancellationToken);
                batch.Clear();
                await WriteAsync(decisions, batching, cancellationToken);
            }
        }
        if (batch.Count > 0)
        {
            await DecideBatchAsync(batch, reads, decisions, batching.DryRun, decided, progress, cancellationToken);
            await WriteAsync(decisions, batching, cancellationToken);
        }
        return decisions;
    }

    private static async Task WriteAsync(Decisions decisions, Batching batching, CancellationToken cancellationToken)
    {
        if (batching.WriteAsync is { } write)
        {
            await write(decisions, cancellationToken);
            decisions.Forget(batching.KeepStreams);
        }
    }

    private async Task<int> DecideBatchAsync(
        List<SubmittedCommand> batch, Reads reads, Decisions decisions, bool dryRun, int decided, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // Every stream is read before asking which commands are on record. A command another writer stores after this
        // is then either found on record (a duplicate) or, having moved its stream, makes the append conflict; it can
        // never pass for "unchanged" because its own events are already in the stream read.
        foreach (var meeting in batch.Select(c => c.Input.ToDomain().MeetingId).Distinct())
        {
            if (!decisions.Streams.ContainsKey(meeting))
            {
                decisions.Streams.Add(meeting, new StreamWork(meeting, await reads.ReadStreamAsync(meeting, cancellationToken)));
            }
        }
        var commandIds = batch.Select(c => CommandIds.Of(c.Input)).ToList();
        var alreadyApplied = await reads.FindCommandsAsync([.. commandIds.Distinct(StringComparer.Ordinal)], cancellationToken);
        var firstUses = await FirstUsesAsync(batch, alreadyApplied, decisions, cancellationToken);
        var seen = new Dictionary<string, SubmittedCommand>(StringComparer.Ordinal);

        for (var i = 0; i < batch.Count; i++)
        {
            var submitted = batch[i];
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

                work = decisions.Streams[command.MeetingId];
                work.LastBatch = decisions.Batch;
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
            finally
            {
                progress?.Report(++decided);
            }
        }
        return decided;
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

    /// <summary>
    /// What the loop decided: the outcome of each command since the last write, the events staged on each meeting
    /// worked on, and what the batches written so far add up to.
    /// </summary>
    internal sealed class Decisions(bool keepOutcomes)
    {
        private readonly List<(SubmittedCommand Submitted, string CommandId, MeetingId Stream, string Result, IReadOnlyList<PendingEvent> Events, CommandRejected? Rejection)> _list = [];
        private readonly List<CommandOutcome> _outcomes = [];
        private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _versionsRead = new(StringComparer.Ordinal);
        private OutcomeCounts _counts = new(0, 0, 0, 0);
        private int _eventsAppended;

        public Dictionary<MeetingId, StreamWork> Streams { get; } = [];

        /// <summary>The first event of every command with an explicit id that the batches written so far stored.</summary>
        public Dictionary<string, StoredEvent> FirstUses { get; } = new(StringComparer.Ordinal);

        /// <summary>How many batches were settled so far.</summary>
        public int Batch { get; private set; }

        public IReadOnlyList<StreamAppend> Appends => [.. Streams
            .Where(s => s.Value.Staged.Count > 0)
            .Select(s => new StreamAppend(s.Key, s.Value.StoredVersion, [.. s.Value.Staged]) { StoredBefore = s.Value.Stored })];

        public void Add(SubmittedCommand submitted, string commandId, MeetingId stream, string result, IReadOnlyList<PendingEvent> events, CommandRejected? rejection = null) =>
            _list.Add((submitted, commandId, stream, result, events, rejection));

        /// <summary>
        /// Counts (and keeps, if asked) the outcomes decided since the last call, once <paramref name="stored"/> holds what
        /// was appended of them; when <paramref name="written"/>, what was staged is stored from now on.
        /// </summary>
        public void Settle(IReadOnlyList<StoredEvent> stored, bool written)
        {
            var byId = stored.ToDictionary(e => e.EventId);
            foreach (var d in _list)
            {
                _counts = _counts.And(d.Result);
                if (keepOutcomes)
                {
                    _outcomes.Add(new CommandOutcome(
                        d.Submitted.Origin,
                        d.Submitted.Input.Command,
                        d.Stream.Value,
                        d.CommandId,
                        d.Result,
                        [.. d.Events.Select(e => byId.TryGetValue(e.EventId, out var s) ? s.Sequence : 0)])
                    {
                        Events = d.Events.Count,
                        Rule = d.Rejection?.Rule,
                        Reason = d.Rejection?.Reason,
                    });
                }
                if (d.Submitted.Input.CommandId is { } explicitId && d.Events.Count > 0 && byId.TryGetValue(d.Events[0].EventId, out var first))
                {
                    FirstUses.TryAdd(explicitId, first);
                }
            }
            _list.Clear();
            _eventsAppended += stored.Count;
            var byStream = stored.ToLookup(e => e.Stream);
            foreach (var (stream, work) in Streams)
            {
                _versionsRead.TryAdd(stream.Value, work.ReadVersion);
                if (written && work.Staged.Count > 0)
                {
                    work.Commit([.. byStream[stream]]);
                }
                _versions[stream.Value] = work.Version;
            }
            Batch++;
        }

        /// <summary>Forgets the meetings not worked on in the last batch once more than <paramref name="keep"/> are kept; they are read again when needed.</summary>
        public void Forget(int keep)
        {
            if (Streams.Count <= keep)
            {
                return;
            }
            foreach (var stream in Streams.Where(s => s.Value.LastBatch < Batch - 1 && s.Value.Staged.Count == 0).Select(s => s.Key).ToList())
            {
                Streams.Remove(stream);
            }
        }

        /// <summary>The report of everything settled.</summary>
        public ApplyReport Report(int retries) =>
            new(keepOutcomes ? _outcomes : [], _eventsAppended, new Dictionary<string, long>(_versions, StringComparer.Ordinal))
            {
                Counts = _counts,
                Retries = retries,
                VersionsRead = new Dictionary<string, long>(_versionsRead, StringComparer.Ordinal),
            };
    }

    /// <summary>The first stored event of every already-applied command that the request names by an explicit id.</summary>
    /// <remarks>Those this run stored itself, in an earlier batch, are in <paramref name="decisions"/>; the others are read from the store.</remarks>
    private async Task<Dictionary<string, StoredEvent>> FirstUsesAsync(
        List<SubmittedCommand> batch, IReadOnlySet<string> alreadyApplied, Decisions decisions, CancellationToken cancellationToken)
    {
        var firstUses = new Dictionary<string, StoredEvent>(StringComparer.Ordinal);
        var reused = new List<string>();
        foreach (var id in batch.Select(c => c.Input.CommandId).Where(id => id is not null && alreadyApplied.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            if (decisions.FirstUses.TryGetValue(id!, out var own))
            {
                firstUses.Add(id!, own);
            }
            else
            {
                reused.Add(id!);
            }
        }
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
    internal sealed class StreamWork
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
            ReadVersion = StoredVersion;
            _hasRetraction = stored.Any(e => e.Event is MeetingEvent.ReportRetracted);
            _latestReported = stored.Count == 0 ? DateTimeOffset.MinValue : stored.Max(e => e.ReportedAt.Instant);
        }

        /// <summary>The stream's version with what this run has written of it (in its transaction, not yet committed).</summary>
        public long StoredVersion { get; private set; }

        /// <summary>The stream's version as first read.</summary>
        public long ReadVersion { get; }

        /// <summary>The last batch that worked on this meeting.</summary>
        public int LastBatch { get; set; }

        public List<PendingEvent> Staged { get; } = [];

        public long Version => StoredVersion + Staged.Count;

        public IReadOnlyList<StoredEvent> Events => _events;

        /// <summary>The events stored (as read, and as this run has written them), without those staged.</summary>
        public IReadOnlyList<StoredEvent> Stored => _events[..^Staged.Count];

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

        /// <summary>What was staged is now stored as <paramref name="stored"/>, in staging order; it replaces the provisional events.</summary>
        public void Commit(IReadOnlyList<StoredEvent> stored)
        {
            if (stored.Count != Staged.Count)
            {
                throw new InvalidOperationException($"meeting '{_stream}' staged {Staged.Count} events but {stored.Count} were stored");
            }
            _events.RemoveRange(_events.Count - stored.Count, stored.Count);
            _events.AddRange(stored);
            StoredVersion += stored.Count;
            Staged.Clear();
            // The folded view saw the provisional positions; fold the stored ones when next asked.
            _latest = null;
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
