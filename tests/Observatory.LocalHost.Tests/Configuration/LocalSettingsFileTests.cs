using System.Text.Json;
using Observatory.LocalHost.Configuration;

namespace Observatory.LocalHost.Tests.Configuration;

public sealed class LocalSettingsFileTests
{
    [Fact]
    public void Values_become_settings_with_double_underscores_as_section_separators()
    {
        var file = LocalSettingsFile.Parse("""
            {
              "IsEncrypted": false,
              "Values": { "Observatory__SnapshotSchedule": "0 0 6 1 3 *", "Storage": "UseDevelopmentStorage=true", "Count": 5 },
              "ConnectionStrings": { "Reports": "Server=local" }
            }
            """);

        Assert.Equal("0 0 6 1 3 *", file.Settings["Observatory:SnapshotSchedule"]);
        Assert.Equal("UseDevelopmentStorage=true", file.Settings["Storage"]);
        Assert.Equal("5", file.Settings["Count"]);
        Assert.Equal("Server=local", file.Settings["ConnectionStrings:Reports"]);
        Assert.Null(file.LocalHttpPort);
    }

    [Fact]
    public void Host_LocalHttpPort_chooses_the_port()
    {
        Assert.Equal(7999, LocalSettingsFile.Parse("""{ "Values": {}, "Host": { "LocalHttpPort": 7999 } }""").LocalHttpPort);
    }

    [Fact]
    public void Encrypted_values_are_rejected_with_the_way_out()
    {
        var exception = Assert.Throws<FormatException>(() => LocalSettingsFile.Parse("""{ "IsEncrypted": true, "Values": { "A": "xyz" } }"""));

        Assert.Contains("func settings decrypt", exception.Message);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_rejected_naming_the_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("settings-").FullName, "local.settings.json");
        File.WriteAllText(path, "{ \"Values\": ");

        var exception = Assert.Throws<LocalHostStartupException>(() => LocalSettingsFile.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
    }
}
