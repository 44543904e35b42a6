using System.Diagnostics;

namespace EShop.Benchmarks;

// A host of the shop run from its Release build, as the README runs it, and stopped with the benchmark.
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    // The folder holding EShop.sln: project paths and logs are relative to it, wherever the benchmark is started.
    public static string RepositoryRoot { get; } = FindRoot();

    public static ChildProcess Start(string project, string url, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var info = new ProcessStartInfo("dotnet", ["run", "--project", project, "-c", "Release", "--no-build", "--urls", url])
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        var log = new StreamWriter(Path.Combine(RepositoryRoot, logFile)) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    // Five minutes: a Durable silo that loads 100,008 demo products answers once they are in, about 90 s.
    public static async Task WaitHealthyAsync(HttpClient http, string url)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{url} did not become healthy.");
    }

    // The CPU time of the host and the dotnet run that started it.
    public TimeSpan CpuTime => Benchmarks.CpuTime.OfTree(_process.Id);

    // kill -9, the host and the dotnet run that started it.
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EShop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the EShop repository.");
    }
}
