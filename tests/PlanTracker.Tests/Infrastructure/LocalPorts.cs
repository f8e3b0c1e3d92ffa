using System.Net;
using System.Net.Sockets;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for the processes a test starts (the app, nginx).</summary>
internal static class LocalPorts
{
    /// <summary>A port free a moment ago: the OS picks it, the listener lets it go for the process to take.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
