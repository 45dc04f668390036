using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Timeline.Testing.Postgres;

/// <summary>
/// A TCP relay on a loopback port in front of a PostgreSQL server, so a test can take the server away from one store
/// without stopping the server other tests share: a store given <see cref="ConnectionString"/> works as usual until
/// <see cref="Stop"/>, after which its open connections break and new ones are refused, as when PostgreSQL stops.
/// </summary>
public sealed class PostgresRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stopped = new();
    private readonly ConcurrentBag<Socket> _sockets = [];
    private readonly Task _accepting;

    /// <summary>Starts relaying to the server of <paramref name="connectionString"/>.</summary>
    public PostgresRelay(string connectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        _host = server.Host ?? throw new ArgumentException("the connection string names no host", nameof(connectionString));
        _port = server.Port;
        _listener.Start();
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
        }.ConnectionString;
        _accepting = AcceptAsync();
    }

    /// <summary>The given connection string, pointed at the relay.</summary>
    public string ConnectionString { get; }

    /// <summary>Cuts every open connection and stops listening, so new connections are refused.</summary>
    public void Stop()
    {
        if (_stopped.IsCancellationRequested)
        {
            return;
        }
        _stopped.Cancel();
        _listener.Stop();
        foreach (var socket in _sockets)
        {
            socket.Close(0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _accepting.ConfigureAwait(false);
        _stopped.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stopped.IsCancellationRequested)
            {
                var client = await _listener.AcceptSocketAsync(_stopped.Token).ConfigureAwait(false);
                _sockets.Add(client);
                _ = RelayAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _sockets.Add(server);
        try
        {
            await server.ConnectAsync(_host, _port, _stopped.Token).ConfigureAwait(false);
            await using var toServer = new NetworkStream(server, ownsSocket: false);
            await using var toClient = new NetworkStream(client, ownsSocket: false);
            await Task.WhenAny(toClient.CopyToAsync(toServer, _stopped.Token), toServer.CopyToAsync(toClient, _stopped.Token)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // One side went away, or the relay stopped.
        }
        finally
        {
            client.Close(0);
            server.Close(0);
        }
    }
}
