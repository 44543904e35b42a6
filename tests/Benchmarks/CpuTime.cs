using System.Globalization;

namespace EShop.Benchmarks;

// CPU time (user + system) spent by processes, from Linux's /proc: a host with everything it started, or every process
// of one name (PostgreSQL's server and its backends). Compared before and after a run, it says what each part cost.
public static class CpuTime
{
    // /proc/<pid>/stat counts in USER_HZ, which is 100 on every Linux the shop runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan OfTree(int root)
    {
        var processes = Read();
        var children = processes.ToLookup(p => p.Parent);
        var ticks = 0L;
        var pending = new Stack<(int Pid, int Parent, string Name, long Ticks)>(processes.Where(p => p.Pid == root));
        while (pending.TryPop(out var process))
        {
            ticks += process.Ticks;
            foreach (var child in children[process.Pid])
            {
                pending.Push(child);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static TimeSpan OfName(string name) =>
        TimeSpan.FromSeconds(Read().Where(p => p.Name == name).Sum(p => p.Ticks) / TicksPerSecond);

    private static List<(int Pid, int Parent, string Name, long Ticks)> Read()
    {
        var processes = new List<(int, int, string, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // it ended while we looked
            }

            // pid (name) state ppid ... utime stime cutime cstime: the name may hold spaces, so fields are counted after
            // its ')'. cutime and cstime are the children that ended and were reaped: PostgreSQL's backends that closed
            // (pgbench's, when it finishes) count in the server's own process.
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            processes.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture), name,
                fields[11..15].Sum(field => long.Parse(field, CultureInfo.InvariantCulture))));
        }

        return processes;
    }
}
