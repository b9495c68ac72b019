namespace Harvester.Tests.Support;

/// <summary>Where the repository's and the shared folder's files are, found from the test binary upwards.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "fixtures");

    public static string Config => Path.Combine(RepoRoot, "config");

    /// <summary><c>../shared</c> beside the repository (present in CI too); read in place, never copied.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Harvester.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Harvester.sln not found above " + AppContext.BaseDirectory);
    }
}
