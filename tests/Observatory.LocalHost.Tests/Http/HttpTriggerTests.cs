using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Http;

namespace Observatory.LocalHost.Tests.Http;

public sealed class HttpTriggerTests(HttpHostFixture fixture) : IClassFixture<HttpHostFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task A_route_parameter_is_bound_by_name_and_the_result_is_JSON_in_camel_case()
    {
        using var response = await Client.GetAsync("/api/items/abc-42?q=first");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("abc-42", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("first", body.RootElement.GetProperty("query").GetString());
    }

    [Fact]
    public async Task An_int_route_constraint_binds_an_int_and_an_optional_parameter_may_be_missing()
    {
        var withLanguage = await Client.GetFromJsonAsync<JsonElement>("/api/years/2025/es");
        var withoutLanguage = await Client.GetFromJsonAsync<JsonElement>("/api/years/2024");
        using var notANumber = await Client.GetAsync("/api/years/next");

        Assert.Equal(2025, withLanguage.GetProperty("year").GetInt32());
        Assert.Equal("es", withLanguage.GetProperty("lang").GetString());
        Assert.Equal(2024, withoutLanguage.GetProperty("year").GetInt32());
        Assert.Equal(JsonValueKind.Null, withoutLanguage.GetProperty("lang").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
    }

    [Fact]
    public async Task A_catch_all_parameter_takes_the_rest_of_the_path_and_a_file_result_streams_with_its_type()
    {
        using var response = await Client.GetAsync("/api/files/2025/latest/observations.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("file at 2025/latest/observations.csv", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_method_the_function_does_not_declare_is_not_served()
    {
        using var post = await Client.PostAsync("/api/items/abc", new StringContent("x"));
        using var get = await Client.GetAsync("/api/notes");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task A_post_reads_the_body_and_a_created_result_sets_status_and_location()
    {
        using var response = await Client.PostAsync("/api/notes", new StringContent("hello"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/notes/1", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hello", body.GetProperty("text").GetString());
        Assert.True(body.GetProperty("cancellable").GetBoolean());
    }

    [Fact]
    public async Task A_problem_details_result_is_sent_as_problem_json()
    {
        using var response = await Client.GetAsync("/api/problems");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Invalid input", body.GetProperty("title").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unhandled_exception_becomes_a_500_problem_without_its_message_or_stack_and_is_logged()
    {
        using var response = await Client.GetAsync("/api/failures");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal(500, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("detail").GetString()));
        Assert.DoesNotContain(FailWithException.SecretDetail, text);
        Assert.DoesNotContain(nameof(InvalidOperationException), text);
        Assert.DoesNotContain(" at ", text);
        Assert.Contains(fixture.Host.Logs.Entries, entry => entry.Category == "Function.FailWithException"
            && entry.Level == LogLevel.Error && entry.Exception?.Message == FailWithException.SecretDetail);
    }

    [Fact]
    public async Task A_route_value_that_cannot_be_converted_fails_the_invocation()
    {
        using var number = await Client.GetAsync("/api/counts/41");
        using var notANumber = await Client.GetAsync("/api/counts/many");

        Assert.Equal("42", await number.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, notANumber.StatusCode);
        Assert.Equal("application/problem+json", notANumber.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_function_returning_Task_writes_the_response_itself()
    {
        using var response = await Client.PutAsync("/api/raw", new StringContent(""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("function", Assert.Single(response.Headers.GetValues("X-Written-By")));
        Assert.Equal("written for PUT", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_without_route_or_methods_is_served_on_its_name_for_every_method_ignoring_case()
    {
        using var get = await Client.GetAsync("/api/defaultroute");
        using var delete = await Client.DeleteAsync("/api/DefaultRoute");

        Assert.Equal("GET", await get.Content.ReadAsStringAsync());
        Assert.Equal("DELETE", await delete.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_guid_route_value_is_bound_and_a_function_level_route_is_served_without_a_key()
    {
        var id = Guid.NewGuid();

        using var response = await Client.DeleteAsync($"/api/items/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(fixture.Host.Recorder.For("DeleteItem"), invocation => (Guid)invocation.Value! == id);
        Assert.Contains(fixture.Host.Logs.Entries, entry => entry.Message.Contains("'DeleteItem' declares authorization level Function"));
    }

    [Fact]
    public async Task Each_invocation_gets_a_new_instance_from_a_new_scope_which_is_disposed()
    {
        var disposedBefore = Volatile.Read(ref ShowInstance.Disposed);

        var first = await Client.GetFromJsonAsync<JsonElement>("/api/instance");
        var second = await Client.GetFromJsonAsync<JsonElement>("/api/instance");

        Assert.NotEqual(first.GetProperty("instance").GetGuid(), second.GetProperty("instance").GetGuid());
        Assert.NotEqual(first.GetProperty("scope").GetGuid(), second.GetProperty("scope").GetGuid());
        // Disposed after the response is written, so possibly a moment after the client has read it.
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref ShowInstance.Disposed) >= disposedBefore + 2),
            TimeSpan.FromSeconds(10), "both instances are disposed");
    }

    [Fact]
    public void The_functions_are_listed_at_start_with_their_methods_and_urls()
    {
        var listing = Assert.Single(fixture.Host.Logs.Entries, entry => entry.Message.StartsWith("Functions:", StringComparison.Ordinal)).Message;

        var baseAddress = fixture.Host.BaseAddress.ToString().TrimEnd('/');
        Assert.Contains($"\tGetItem: [GET] {baseAddress}/api/items/{{id}}", listing);
        Assert.Contains($"\tWriteResponse: [GET,PUT] {baseAddress}/api/raw", listing);
        Assert.Contains($"\tDefaultRoute: [ALL] {baseAddress}/api/DefaultRoute", listing);
    }
}
