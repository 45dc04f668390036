using Microsoft.Extensions.DependencyInjection;
using Timeline.Cli.Output;
using Timeline.Store.Selection;
using Timeline.Core;
using Timeline.Core.Commands;

namespace Timeline.Cli;

/// <summary>One invocation's services: the store, Mediator and the screen.</summary>
internal sealed class Session : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    private Session(ServiceProvider provider, StoreLocation location, Screen screen)
    {
        _provider = provider;
        _scope = provider.CreateAsyncScope();
        Location = location;
        Screen = screen;
    }

    public StoreLocation Location { get; }

    public Screen Screen { get; }

    public Mediator.IMediator Mediator => _scope.ServiceProvider.GetRequiredService<Mediator.IMediator>();

    public IServiceProvider Services => _scope.ServiceProvider;

    public static Session Open(CliEnvironment environment, StoreLocation location, OutputFormat format)
    {
        var services = new ServiceCollection();
        services.AddSingleton(environment.Clock);
        services.AddSingleton(new Recorder(environment.User));
        services.AddTimelineStore(_ => location.Open(environment.Clock, environment.SqliteBusyTimeout));
        services.AddTimelineCore();
        return new Session(services.BuildServiceProvider(), location, new Screen(environment, format));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
