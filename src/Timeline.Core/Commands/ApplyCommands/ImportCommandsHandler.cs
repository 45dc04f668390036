using Mediator;
using Timeline.Core.Storage;

namespace Timeline.Core.Commands.ApplyCommands;

/// <summary>
/// Runs the command loop (<see cref="CommandLoop"/>) over commands as they are read, in batches written into one write
/// transaction of the store, and commits once every command was read, checked and decided. The transaction holds the
/// store's writer lock throughout, so nothing the loop read can move before the commit: an import never retries.
/// </summary>
internal sealed class ImportCommandsHandler(IEventStore store, TimeProvider clock, Recorder recorder) : ICommandHandler<ImportCommands, ApplyReport>
{
    public async ValueTask<ApplyReport> Handle(ImportCommands request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.BatchSize, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.KeepMeetings, nameof(request));
        await using var commands = new CheckedCommands(request, new CommandShapes(clock), cancellationToken);
        // Opened at the loop's first read, once a batch of input has arrived: an import reading a slow pipe or stdin
        // does not hold the store's writer lock while it waits for its first commands.
        await using var transaction = new OpenedOnFirstUse(store, recorder.Name);
        var reads = new CommandLoop.Reads(
            async (stream, ct) => await (await transaction.OpenAsync(ct)).ReadStreamAsync(stream, ct),
            async (ids, ct) => await (await transaction.OpenAsync(ct)).FindCommandsAsync(ids, ct));
        var batching = new CommandLoop.Batching(
            request.BatchSize,
            DryRun: false,
            request.KeepOutcomes,
            async (decisions, ct) =>
            {
                var appends = decisions.Appends;
                decisions.Settle(appends.Count > 0 ? await (await transaction.OpenAsync(ct)).AppendAsync(appends, ct) : [], written: true);
            },
            request.KeepMeetings);
        CommandLoop.Decisions decided;
        try
        {
            decided = await new CommandLoop(store, clock, recorder).DecideAsync(commands.ReadAsync(), reads, batching, request.Progress, cancellationToken);
        }
        catch (CommandRejected)
        {
            // A problem with the input outweighs a broken rule, as when every command was checked before any was decided.
            await commands.DrainAsync();
            commands.ThrowIfProblems();
            throw;
        }
        catch (WriteConflict conflict)
        {
            throw new CommandRejected(null, "import", "write-conflict", conflict.Message, conflict);
        }
        commands.ThrowIfProblems();
        await transaction.CommitAsync(cancellationToken);
        return decided.Report(retries: 0);
    }

    /// <summary>The store's write transaction, begun at its first use; nothing to commit or roll back if never used.</summary>
    private sealed class OpenedOnFirstUse(IEventStore store, string recordedBy) : IAsyncDisposable
    {
        private IEventTransaction? _transaction;

        public async ValueTask<IEventTransaction> OpenAsync(CancellationToken cancellationToken) =>
            _transaction ??= await store.BeginTransactionAsync(recordedBy, cancellationToken);

        public Task CommitAsync(CancellationToken cancellationToken) => _transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

        public ValueTask DisposeAsync() => _transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>
    /// The commands as read, each checked for its shape. Once anything is wrong, the rest are still read and checked,
    /// so every problem is reported, but no longer handed on to be decided.
    /// </summary>
    private sealed class CheckedCommands(ImportCommands request, CommandShapes shapes, CancellationToken cancellationToken) : IAsyncDisposable
    {
        private readonly IAsyncEnumerator<SubmittedCommand> _reader = request.Commands.GetAsyncEnumerator(cancellationToken);
        private readonly List<InputError> _shapeErrors = [];
        private int _count;

        private bool AnyProblem => request.ReadErrors.Count > 0 || _shapeErrors.Count > 0;

        public async IAsyncEnumerable<SubmittedCommand> ReadAsync()
        {
            while (await NextAsync())
            {
                if (!AnyProblem)
                {
                    yield return _reader.Current;
                }
            }
        }

        public async Task DrainAsync()
        {
            while (await NextAsync())
            {
            }
        }

        /// <exception cref="InputRejected">The reader's problems if it had any, else the shape problems, else that there was no command.</exception>
        public void ThrowIfProblems()
        {
            if (request.ReadErrors.Count > 0)
            {
                throw new InputRejected([.. request.ReadErrors]);
            }
            if (_shapeErrors.Count > 0)
            {
                throw new InputRejected(_shapeErrors);
            }
            if (_count == 0)
            {
                throw new InputRejected([new InputError(null, null, "commands", CommandShapes.NoCommands)]);
            }
        }

        public ValueTask DisposeAsync() => _reader.DisposeAsync();

        private async ValueTask<bool> NextAsync()
        {
            if (!await _reader.MoveNextAsync())
            {
                return false;
            }
            _count++;
            _shapeErrors.AddRange(shapes.Check(_reader.Current));
            return true;
        }
    }
}
