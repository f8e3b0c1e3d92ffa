using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PlanTracker.Tests.Infrastructure;

/// <summary>
/// Debian's nginx as a load balancer in front of PlanTracker nodes: the test's own process (no
/// system service), a generated configuration, listening on a free port of 127.0.0.1 only.
/// Idempotent requests that meet a dead node are passed to the next one; a POST is passed on only
/// when it never reached the dead node (connection refused), as nginx does by default.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    private NginxProxy(Process process, string prefix, int port)
    {
        _process = process;
        _prefix = prefix;
        Port = port;
    }

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Lines of "msec method uri status upstream_addr upstream_status" for each request served.</summary>
    public string[] AccessLog() => File.Exists(Path.Combine(_prefix, "access.log")) ? File.ReadAllLines(Path.Combine(_prefix, "access.log")) : [];

    public string ErrorLog() => File.Exists(Path.Combine(_prefix, "error.log")) ? File.ReadAllText(Path.Combine(_prefix, "error.log")) : "";

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> upstreamPorts)
    {
        const string nginx = "/usr/sbin/nginx";
        if (!File.Exists(nginx)) throw new InvalidOperationException("nginx is not installed (Debian: apt-get install nginx; ./test.sh installs it).");
        var prefix = Path.Combine(Path.GetTempPath(), "plantracker-nginx-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(prefix);
        var port = LocalPorts.Free();
        var servers = string.Join("\n", upstreamPorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;"));
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 512; }
            http {
                log_format upstreams '$msec $request_method $uri $status $upstream_addr $upstream_status';
                access_log {{prefix}}/access.log upstreams;
                client_body_temp_path {{prefix}}/client_body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                upstream plantracker {
            {{servers}}
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://plantracker;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_connect_timeout 1s;
                        proxy_read_timeout 30s;
                        proxy_max_temp_file_size 0;
                        # GET/HEAD/PUT/DELETE are retried on the other node; POST only if it never reached the first.
                        proxy_next_upstream error timeout http_502 http_503 http_504;
                        proxy_next_upstream_tries 2;
                    }
                }
            }
            """);
        var psi = new ProcessStartInfo(nginx, ["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start nginx.");
        var proxy = new NginxProxy(process, prefix, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}{proxy.ErrorLog()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            // The master and its worker: the worker would otherwise outlive a killed master.
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { /* already gone */ }
        _process.Dispose();
        try { Directory.Delete(_prefix, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is harmless */ }
    }

}
