namespace Observatory.Tests.Shared;

/// <summary>Files of the repository the tests check, such as the sample returns.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository's root: the first folder above the test binaries that holds Pipeline.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The path of a file given relative to the root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
