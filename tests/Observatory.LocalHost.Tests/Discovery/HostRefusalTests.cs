using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Observatory.LocalHost.Discovery;

namespace Observatory.LocalHost.Tests.Discovery;

/// <summary>What the Functions host refuses in functions.metadata, the local host refuses at start.</summary>
public sealed class HostRefusalTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage"] = "UseDevelopmentStorage=true",
    }).Build();

    private static FunctionCatalog Discover(string path) => MetadataFiles.Discover(path, Settings);

    private static IReadOnlyList<string> Refusals(params JsonObject[] functions) =>
        Assert.Throws<LocalHostStartupException>(() => Discover(MetadataFiles.Write(functions))).Problems;

    [Theory]
    [InlineData("admin/keys", "admin")]
    [InlineData("/Admin/keys", "admin")]
    [InlineData("administration", "admin")]
    [InlineData("runtime/status", "runtime")]
    public void A_route_that_begins_with_a_word_the_host_reserves_is_refused_under_the_api_prefix_too(string route, string reserved)
    {
        var problem = Assert.Single(Refusals(MetadataFiles.Http("Staff", route, "get")));

        Assert.Contains($"function 'Staff'", problem);
        Assert.Contains($"begins with '{reserved}', which the Functions host reserves", problem);
    }

    [Fact]
    public void A_function_without_a_route_is_served_on_its_name_so_a_name_that_begins_with_admin_is_refused()
    {
        var problem = Assert.Single(Refusals(MetadataFiles.Http("AdminTools", null, "get")));

        Assert.Contains("the route 'AdminTools' begins with 'admin'", problem);
    }

    [Fact]
    public void A_template_that_begins_with_a_parameter_matching_admin_passes_the_host_check_and_serves_the_admin_path()
    {
        var catalog = Discover(MetadataFiles.Write(MetadataFiles.Http("Staff", "{area:regex(^admin$)}/keys", "get"), MetadataFiles.Http("Mine", "my/admin", "get")));

        Assert.Equal(["Mine", "Staff"], catalog.Functions.Select(function => function.Name));
    }

    [Fact]
    public void Two_functions_on_the_same_route_with_a_method_in_common_are_refused()
    {
        var problem = Assert.Single(Refusals(MetadataFiles.Http("First", "things", "get", "post"), MetadataFiles.Http("Second", "/Things/", "post")));

        Assert.Contains("function 'Second'", problem);
        Assert.Contains("the route 'Things' is also served by function 'First'", problem);
    }

    [Fact]
    public void A_function_on_every_method_overlaps_any_other_on_its_route()
    {
        var problem = Assert.Single(Refusals(MetadataFiles.Http("First", "things", "delete"), MetadataFiles.Http("Second", "things")));

        Assert.Contains("also served by function 'First'", problem);
    }

    [Fact]
    public void Two_functions_on_the_same_route_with_different_methods_are_served()
    {
        var catalog = Discover(MetadataFiles.Write(MetadataFiles.Http("Read", "things", "get"), MetadataFiles.Http("Write", "things", "post")));

        Assert.Equal(2, catalog.HttpFunctions.Count());
    }

    [Fact]
    public void Two_functions_with_the_same_name_in_any_case_are_refused()
    {
        var problem = Assert.Single(Refusals(MetadataFiles.Http("Things", "one", "get"), MetadataFiles.Http("things", "two", "get")));

        Assert.Contains("the function name 'things' is also used by", problem);
    }

    [Theory]
    [InlineData("queue", "Out")]
    [InlineData("blob", "In")]
    [InlineData("serviceBusTrigger", "In")]
    public void A_binding_of_a_type_the_local_host_does_not_serve_is_refused_as_an_unknown_binding_type(string type, string direction)
    {
        var problems = Refusals(MetadataFiles.Queue("Echo", "work", new JsonObject { ["name"] = "other", ["type"] = type, ["direction"] = direction }));

        Assert.Contains(problems, problem => problem.Contains($"function 'Echo'") && problem.Contains($"unknown binding type '{type}' (binding 'other')"));
    }

    [Fact]
    public void A_function_without_a_trigger_is_refused()
    {
        var problems = Refusals(MetadataFiles.Function("Triggerless", $"{typeof(Samples.Queues.EchoText).FullName}.Run",
            new JsonObject { ["name"] = "$return", ["type"] = "http", ["direction"] = "Out" }));

        Assert.Contains(problems, problem => problem.Contains("has no trigger binding"));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("1st")]
    [InlineData("with space")]
    public void A_name_the_host_does_not_accept_is_refused(string name)
    {
        var problem = Assert.Single(Refusals(MetadataFiles.Queue(name, "work")));

        Assert.Contains($"'{name}' is not a valid function name", problem);
    }

    [Fact]
    public void An_entry_point_that_names_no_class_or_method_of_the_assembly_is_refused_with_a_hint_to_rebuild()
    {
        var problems = Refusals(
            MetadataFiles.Function("Gone", "Observatory.LocalHost.Tests.Samples.Gone.Run", new JsonObject { ["name"] = "request", ["type"] = "httpTrigger", ["direction"] = "In" }),
            MetadataFiles.Function("Renamed", $"{typeof(Samples.Http.GetItem).FullName}.RunAsync", new JsonObject { ["name"] = "request", ["type"] = "httpTrigger", ["direction"] = "In" }));

        Assert.Contains(problems, problem => problem.StartsWith("function 'Gone'") && problem.Contains("the class 'Observatory.LocalHost.Tests.Samples.Gone' of its entryPoint is not in"));
        Assert.Contains(problems, problem => problem.StartsWith("function 'Renamed'") && problem.Contains("has no method 'RunAsync'; rebuild the Function App"));
    }

    [Fact]
    public void A_missing_functions_metadata_is_refused_with_a_hint_to_build_the_Function_App()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("functions-metadata-").FullName, "functions.metadata");

        var message = Assert.Throws<LocalHostStartupException>(() => Discover(path)).Message;

        Assert.Contains($"{path} was not found", message);
        Assert.Contains("build the Function App", message);
    }

    [Theory]
    [InlineData("{ \"name\": \"NotAList\" }")]
    [InlineData("[ { \"name\": \"Cut")]
    [InlineData("")]
    public void An_unreadable_functions_metadata_is_refused_with_a_hint_to_build_the_Function_App(string text)
    {
        var path = MetadataFiles.WriteText(text);

        var message = Assert.Throws<LocalHostStartupException>(() => Discover(path)).Message;

        Assert.Contains($"{path} is not a valid functions.metadata", message);
        Assert.Contains("build the Function App", message);
    }

    [Fact]
    public void Every_refusal_is_listed_at_once()
    {
        var exception = Assert.Throws<LocalHostStartupException>(() => Discover(MetadataFiles.Write(
            MetadataFiles.Http("Staff", "admin/keys", "get"),
            MetadataFiles.Queue("Echo", "work", new JsonObject { ["name"] = "result", ["type"] = "queue", ["direction"] = "Out" }),
            MetadataFiles.Http("Served", "served", "get"))));

        Assert.Equal(2, exception.Problems.Count);
    }
}
