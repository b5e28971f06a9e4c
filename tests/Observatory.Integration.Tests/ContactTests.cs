using System.Text;
using Observatory.Functions.Admin;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>Staff register, list and remove the states' e-mail contacts; nobody else sees them, and the audit log never holds an address.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ContactTests(PipelineHarness pipeline)
{
    private Task<ApiResponse> AddAsync(string? key, string body) =>
        pipeline.InvokeAsync(pipeline.Request("POST", "/api/admin/contacts", key: key, body: Encoding.UTF8.GetBytes(body), contentType: "application/json"),
            r => pipeline.Function<AddContact>().Run(r, CancellationToken.None));

    private Task<ApiResponse> ListAsync(string? key, string? query = null) =>
        pipeline.InvokeAsync(pipeline.Request("GET", "/api/admin/contacts", query, key), r => pipeline.Function<ListContacts>().Run(r, CancellationToken.None));

    private Task<ApiResponse> DeleteAsync(string? key, string id) =>
        pipeline.InvokeAsync(pipeline.Request("DELETE", $"/api/admin/contacts/{id}", key: key), r => pipeline.Function<DeleteContact>().Run(r, id, CancellationToken.None));

    [Fact]
    public async Task Staff_register_list_and_remove_contacts_with_a_language_each()
    {
        var email = $"focal.{Guid.NewGuid():N}@per.example.org";
        var added = await AddAsync(pipeline.AdminKey, $$"""{"country":"Perú","email":"{{email}}","role":"deputy"}""");
        Assert.Equal(201, added.Status);
        var id = added.Json.GetProperty("id").GetString()!;
        Assert.Equal(("PER", "es", "deputy"), (added.Json.GetProperty("country").GetString(), added.Json.GetProperty("language").GetString(), added.Json.GetProperty("role").GetString()));

        var listed = await ListAsync(pipeline.AdminKey, "country=PER");
        var contact = Assert.Single(listed.Json.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Equal(email, contact.GetProperty("email").GetString());
        Assert.Contains(id, (await ListAsync(pipeline.AdminKey)).Text);

        Assert.Equal(204, (await DeleteAsync(pipeline.AdminKey, id)).Status);
        Assert.Equal(404, (await DeleteAsync(pipeline.AdminKey, id)).Status);
        Assert.DoesNotContain(id, (await ListAsync(pipeline.AdminKey, "country=PER")).Text);

        var audit = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/admin/audit", "country=PER&pageSize=200", pipeline.AdminKey),
            r => pipeline.Function<GetAuditLog>().Run(r, CancellationToken.None));
        var actions = audit.Json.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("subject").GetString() == id).Select(e => e.GetProperty("action").GetString());
        Assert.Equal(["contact.removed", "contact.added"], actions);
        Assert.DoesNotContain(email, audit.Text);
    }

    [Fact]
    public async Task Only_staff_manage_contacts_and_bad_requests_say_why_without_repeating_the_address()
    {
        var (_, key) = await pipeline.IssueKeyAsync("ECU");
        const string body = """{"country":"ECU","email":"focal@ecu.example.org","language":"es"}""";
        Assert.Equal(401, (await AddAsync(null, body)).Status);
        Assert.Equal(403, (await AddAsync(key, body)).Status);
        Assert.Equal(403, (await ListAsync(key)).Status);
        Assert.Equal(403, (await DeleteAsync(key, "ct-0000")).Status);

        foreach (var bad in new[]
        {
            """{"country":"XXX","email":"a@ecu.example.org"}""",
            """{"country":"ECU","email":"not an address"}""",
            """{"country":"ECU","email":"Name <a@ecu.example.org>"}""",
            """{"country":"ECU","email":"a@localhost"}""",
            """{"country":"ECU","email":"a@ecu.example.org","language":"de"}""",
            """{"country":"ECU","email":"a@ecu.example.org","role":"minister"}""",
            "not json",
        })
        {
            var response = await AddAsync(pipeline.AdminKey, bad);
            Assert.True(response.Status == 400, $"{bad}: {response.Status}");
            Assert.DoesNotContain("a@ecu.example.org", response.Text);
        }
        Assert.Equal(400, (await ListAsync(pipeline.AdminKey, "country=Atlantis")).Status);
    }
}
