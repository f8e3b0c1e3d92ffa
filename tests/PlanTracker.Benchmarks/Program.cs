using System.Globalization;
using PlanTracker.Benchmarks.Benchmarks;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Infrastructure;

// PlanTracker's benchmarks: each figure beside its baseline, measured in the same run.
//   dotnet run -c Release --project tests/PlanTracker.Benchmarks -- reminders|dispatch|report|dashboard|mytasks|overdue|all|generate|list [options]
// See README.md beside this file and docs/PERFORMANCE.md.

const string Usage = """
    usage: dotnet run -c Release --project tests/PlanTracker.Benchmarks -- <what> [options]
      what:   reminders | dispatch | report | dashboard | mytasks | overdue | progress-http | task-http | w1 | load | cascade | all | generate | list
      --size XS|S|M|L     dataset size (reminders, dashboard, mytasks, overdue: L, a million tasks)
      --smoke             the short form CI runs: size XS, one round, fewer requests, every check, no verdict
      --tasks N           task count, overriding the size's (e.g. --tasks 1000000)
      --seed N            generator seed (default 20261122)
      --iterations N      measured rounds per side (default 5)
      --warmup N          unmeasured rounds first (default 1)
      --as-of yyyy-MM-dd  the reminder scan's date (default: the dataset's today, 2026-11-16)
      --messages N        messages per dispatch round (default 2000)
      --requests N        progress-http, task-http: requests per round (default 1000)
      --concurrency N     concurrent HTTP clients (progress-http, task-http: 1 and 8; w1: 8; load: 64)
      --duration SPEC     load: how long, e.g. 5m, 90s (default 5m)
      --data-dir DIR      keep the private PostgreSQL cluster in DIR and reuse its dataset next time
    list prints the benchmarks' names, one a line. A figure gets no verdict when other processes took more than
    25% of the machine's CPU while its benchmark ran; the exit code is 1 only for a target missed with a verdict.
    PLANTRACKER_BENCH_CONNECTION=<connection string> uses that (empty or previously generated) database instead.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

BenchOptions options;
try
{
    options = Parse(args.Skip(1).ToArray());
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

var what = args[0];
if (what == "list")
{
    foreach (var benchmark in BenchmarkCatalog.All) Console.WriteLine(benchmark.Name);
    return 0;
}
IReadOnlyList<IBenchmark> selected = what switch
{
    "all" => BenchmarkCatalog.Runnable.ToList(),
    "generate" => [],
    _ when BenchmarkCatalog.Find(what) is { } one => [one],
    _ => throw new ArgumentException($"Unknown benchmark '{what}'.\n{Usage}"),
};

var log = Console.Out;
log.WriteLine($"Machine: {MachineInfo.Describe()}");
log.WriteLine($"Load average at start: {MachineInfo.Load()} (other work on the machine skews timings; both sides of a figure share it)");
await using var database = await BenchDatabase.OpenAsync(options.DataDirectory);
log.WriteLine($"Database: {database.Where}, PostgreSQL {await database.ServerVersionAsync()}");
var serverPid = await database.ServerProcessIdAsync();
if (serverPid is null) log.WriteLine("The PostgreSQL server is not a process of this machine: its CPU counts as other processes'.");

if (what == "generate")
{
    await DataGenerator.EnsureAsync(database, options.Spec("S"), log);
    return 0;
}

var figures = new List<Figure>();
foreach (var benchmark in selected)
{
    log.WriteLine();
    log.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
    var others = OtherProcesses.Start(serverPid);
    var produced = await benchmark.RunAsync(new BenchContext(database, options, log));
    var cpu = others.Stop();
    log.WriteLine($"CPU while {benchmark.Name} ran: {cpu}");
    // A figure measured while others had the machine is theirs as much as ours; a smoke run's toy size says nothing either.
    var refusal = cpu.Refusal ?? (options.Smoke ? "smoke run (size XS, one round)" : null);
    if (refusal is not null) log.WriteLine($"no verdict: {refusal}");
    if (produced.Count == 0) throw new InvalidOperationException($"{benchmark.Name} produced no figure.");
    figures.AddRange(produced.Select(f => f with { Refusal = f.Refusal ?? refusal }));
}
log.WriteLine();
log.WriteLine($"Load average at end: {MachineInfo.Load()}");
Figure.PrintTable(figures, log);
return figures.Any(f => f.Failed) ? 1 : 0;

static BenchOptions Parse(string[] args)
{
    var options = new BenchOptions();
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        int Count() => int.Parse(Value(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        options = args[i] switch
        {
            "--size" => options with { Size = Value() },
            "--smoke" => options with { Smoke = true },
            "--tasks" => options with { Tasks = Count() },
            "--seed" => options with { Seed = Count() },
            "--iterations" => options with { Iterations = Count() },
            "--warmup" => options with { Warmup = Count() },
            "--as-of" => options with { AsOf = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
            "--messages" => options with { Messages = Count() },
            "--data-dir" => options with { DataDirectory = Value() },
            "--requests" => options with { Requests = Count() },
            "--concurrency" => options with { Concurrency = Count() },
            "--duration" => options with { Duration = Span(Value()) },
            _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
        };
    }
    if (options.Smoke) options = options.AsSmoke();
    if (options.Size is { } size) DatasetSpec.Sized(size); // fails early on a bad size
    if (options.Iterations < 1 || options.Warmup < 0 || options.Messages < 1 || options.Tasks is < 1 || options.Requests is < 1
        || options.Concurrency is < 1 || options.Duration is { Ticks: <= 0 })
        throw new ArgumentException("--iterations, --messages, --tasks, --requests, --concurrency and --duration must be positive, --warmup not negative.");
    return options;
}

// "5m", "90s", "300": seconds unless a unit says otherwise.
static TimeSpan Span(string text) => text switch
{
    _ when text.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
    _ when text.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
    _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
};
