using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Http;

namespace Observatory.LocalHost.Tests.Configuration;

public sealed class ConfigurationOrderTests
{
    [Fact]
    public async Task Environment_variables_override_local_settings_and_the_command_line_overrides_both()
    {
        // A variable name of its own, so that no other test sees it.
        var prefix = $"LocalHostOrder{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable($"{prefix}__FromEnvironment", "environment");
        Environment.SetEnvironmentVariable($"{prefix}__FromCommandLine", "environment");
        try
        {
            await using var host = TestHost.Build([typeof(GetItem)],
                values: new Dictionary<string, string>
                {
                    [$"{prefix}__FromValues"] = "values",
                    [$"{prefix}__FromEnvironment"] = "values",
                    [$"{prefix}__FromCommandLine"] = "values",
                },
                args: [$"--{prefix}:FromCommandLine=command line"]);

            Assert.Equal("values", host.App.Configuration[$"{prefix}:FromValues"]);
            Assert.Equal("environment", host.App.Configuration[$"{prefix}:FromEnvironment"]);
            Assert.Equal("command line", host.App.Configuration[$"{prefix}:FromCommandLine"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{prefix}__FromEnvironment", null);
            Environment.SetEnvironmentVariable($"{prefix}__FromCommandLine", null);
        }
    }

    [Fact]
    public async Task The_host_listens_on_127_0_0_1_port_7071_unless_told_otherwise()
    {
        var withoutUrls = LocalFunctionsHost.Build([], new LocalHostOptions
        {
            FunctionsAssembly = typeof(GetItem).Assembly,
            IncludeType = type => type == typeof(GetItem),
            HostJsonPath = WriteTemporary("host.json", "{}"),
            LocalSettingsPath = WriteTemporary("local.settings.json", """{ "Values": {} }"""),
        });
        var withPort = LocalFunctionsHost.Build([], new LocalHostOptions
        {
            FunctionsAssembly = typeof(GetItem).Assembly,
            IncludeType = type => type == typeof(GetItem),
            HostJsonPath = WriteTemporary("host.json", "{}"),
            LocalSettingsPath = WriteTemporary("local.settings.json", """{ "Values": {}, "Host": { "LocalHttpPort": 7399 } }"""),
        });

        Assert.Equal("http://127.0.0.1:7071", withoutUrls.Configuration["urls"]);
        Assert.Equal("http://127.0.0.1:7399", withPort.Configuration["urls"]);
        await withoutUrls.DisposeAsync();
        await withPort.DisposeAsync();
    }

    private static string WriteTemporary(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("localhost-config-").FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
