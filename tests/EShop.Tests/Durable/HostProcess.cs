using System.Diagnostics;
using System.Net.Sockets;
using EShop.Tests.Shared;

namespace EShop.Tests.Durable;

// A host of the shop (a silo, or the gateway) as its own OS process, run from its project's build output, so it can
// be stopped (SIGTERM), frozen (SIGSTOP) or killed (SIGKILL) like a real one.
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _log = new();

    private HostProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public int Id => _process.Id;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    // project: the folder under src/ ("Silo", "GraphQLGateway"); its assembly is EShop.<project>.dll.
    public static async Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0
        var dll = Path.Combine(RepositoryFiles.Root, "src", project, "bin", configuration, "net10.0", $"EShop.{project}.dll");
        var httpPort = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        // The host's own HTTP address, which the health check uses; settings may add more (an HTTPS one).
        info.Environment["Urls"] = $"http://127.0.0.1:{httpPort}" + (settings.TryGetValue("Urls", out var more) ? ";" + more : "");
        var host = new HostProcess(Process.Start(info)!, httpPort);
        await host.WaitHealthyAsync();
        return host;
    }

    public async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The host did not become healthy:\n{Log}");
    }

    // SIGTERM: the host shuts down gracefully.
    public async Task StopAsync()
    {
        await SignalAsync("TERM");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public Task FreezeAsync() => SignalAsync("STOP");

    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString()]);
        await kill.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    // Ports below Linux's ephemeral range (32768 and up): a port the kernel may hand to an outgoing connection at any
    // moment is not one to give a server that binds it a second later.
    private static int _nextPort = 24_000 + Random.Shared.Next(0, 4_000);

    public static int FreePort()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _nextPort);
            if (port >= 32_000)
            {
                Interlocked.Exchange(ref _nextPort, 24_000);
                continue;
            }

            try
            {
                using var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
