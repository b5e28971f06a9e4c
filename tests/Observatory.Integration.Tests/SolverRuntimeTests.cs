using System.Text;
using System.Text.RegularExpressions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>
/// The disclosure audit's solver (CP-SAT from Google OR-Tools) is native code. The Function App runs on Linux x64 in
/// Azure (Flex Consumption), whose .NET isolated images are Debian 12 (glibc 2.36, GCC 12's libstdc++); the unit tests
/// show the solver loads and solves on this machine. These tests check what the Function App's build output carries
/// for Azure: the Linux x64 libraries, and that none of them needs a newer C or C++ runtime than Debian 11's
/// (glibc 2.31, GLIBCXX 3.4.28), one release older than Azure's, so the build cannot break there silently.
/// </summary>
public sealed partial class SolverRuntimeTests
{
    private static readonly Version NewestGlibc = new(2, 31);
    private static readonly Version NewestGlibcxx = new(3, 4, 28);

    private static string NativeFolder
    {
        get
        {
            // The configuration this test was built in (test.sh builds Release), so it reads the matching output.
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
            return RepositoryFiles.PathOf($"functions/Observatory.Functions/bin/{configuration}/net10.0/runtimes/linux-x64/native");
        }
    }

    [Fact]
    public void The_function_app_carries_the_solver_for_linux_x64()
    {
        Assert.True(File.Exists(Path.Combine(NativeFolder, "google-ortools-native.so")), $"google-ortools-native.so is missing from {NativeFolder}");
        Assert.True(File.Exists(Path.Combine(NativeFolder, "libortools.so.9")), $"libortools.so.9 is missing from {NativeFolder}");
    }

    [Fact]
    public void No_library_of_the_solver_needs_a_newer_c_runtime_than_debian_11()
    {
        var libraries = Directory.GetFiles(NativeFolder, "*.so*");
        Assert.NotEmpty(libraries);
        foreach (var library in libraries)
        {
            // Version needs are names in the library's dynamic string table, such as "GLIBC_2.26".
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(library));
            foreach (Match need in GlibcNeed().Matches(text))
                Assert.True(Version.Parse(need.Groups[1].Value) <= NewestGlibc, $"{Path.GetFileName(library)} needs GLIBC_{need.Groups[1].Value}");
            foreach (Match need in GlibcxxNeed().Matches(text))
                Assert.True(Version.Parse(need.Groups[1].Value) <= NewestGlibcxx, $"{Path.GetFileName(library)} needs GLIBCXX_{need.Groups[1].Value}");
        }
    }

    [GeneratedRegex(@"GLIBC_(2\.\d+)\0")]
    private static partial Regex GlibcNeed();

    [GeneratedRegex(@"GLIBCXX_(3\.4\.\d+)\0")]
    private static partial Regex GlibcxxNeed();
}
