using System.Net;
using System.Net.Sockets;

namespace Timeline.Testing.Postgres;

/// <summary>Ports on this machine's loopback, for stores that must not be reachable.</summary>
public static class Loopback
{
    /// <summary>A loopback port that nothing listens on: it was free a moment ago and is closed again.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
