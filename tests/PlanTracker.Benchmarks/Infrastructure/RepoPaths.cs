namespace PlanTracker.Benchmarks.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PlanTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("PlanTracker.sln not found above " + AppContext.BaseDirectory + ": run the benchmarks from the repository.");
    }
}
