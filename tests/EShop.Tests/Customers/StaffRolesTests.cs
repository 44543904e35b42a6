using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Customers;

// Roles and permissions through the API, and the audit log of what staff did.
[Collection(GatewayCollection.Name)]
public sealed class StaffRolesTests(GatewayFixture fixture)
{
    private const string Grant = "mutation($id: ID!, $role: Role!) { grantRole(customerId: $id, role: $role) { customer { roles } userErrors { code } } }";
    private const string Revoke = "mutation($id: ID!, $role: Role!) { revokeRole(customerId: $id, role: $role) { customer { roles } userErrors { code } } }";
    private const string ReadOrder = "query($id: ID!) { order(id: $id) { id } }";
    private const string Refund = "mutation($id: ID!) { refundOrder(orderId: $id) { userErrors { code } } }";

    [Fact]
    public async Task Support_ReadsAnyOrder_ButRefundsNothingAndWritesNoCatalog_UntilTheRoleIsRevoked()
    {
        var admin = await fixture.SignInAdminAsync();
        var shopper = await fixture.SignUpAsync("Ana");
        var orderId = await StorefrontOrders.PlaceAsync(shopper, fixture.Grains);
        var (email, agentId) = await SignUpAsync("Sam");

        var granted = (await admin.DataAsync(Grant, new { id = agentId, role = "SUPPORT" })).GetProperty("grantRole");
        var agent = await SignInAsync(email);

        Assert.Equal(["CUSTOMER", "SUPPORT"], granted.GetProperty("customer").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(orderId, (await agent.DataAsync(ReadOrder, new { id = orderId })).GetProperty("order").GetProperty("id").GetString());
        Assert.Equal("FORBIDDEN", await agent.ErrorCodeAsync(Refund, new { id = orderId }));
        Assert.Equal("FORBIDDEN", await agent.ErrorCodeAsync("mutation { adjustStock(productId: \"x\", delta: 1) { userErrors { code } } }"));

        var revoked = (await admin.DataAsync(Revoke, new { id = agentId, role = "SUPPORT" })).GetProperty("revokeRole");

        Assert.Equal(["CUSTOMER"], revoked.GetProperty("customer").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("UNAUTHENTICATED", await agent.ErrorCodeAsync(ReadOrder, new { id = orderId }));
        Assert.Equal("FORBIDDEN", await (await SignInAsync(email)).ErrorCodeAsync(ReadOrder, new { id = orderId }));
    }

    [Fact]
    public async Task Warehouse_MovesShipments_ButReadsNoOnesOrder()
    {
        var admin = await fixture.SignInAdminAsync();
        var orderId = await StorefrontOrders.PlaceAsync(await fixture.SignUpAsync("Ana"), fixture.Grains);
        var (email, workerId) = await SignUpAsync("Wes");
        await admin.DataAsync(Grant, new { id = workerId, role = "WAREHOUSE" });
        var worker = await SignInAsync(email);

        // Past the permission check: the tracking number is what is wrong.
        Assert.Equal("NOT_FOUND", await worker.ErrorCodeAsync("mutation { advanceShipment(trackingNumber: \"NOPE\", status: IN_TRANSIT) { status } }"));
        Assert.Equal("FORBIDDEN", await worker.ErrorCodeAsync(ReadOrder, new { id = orderId }));
    }

    [Fact]
    public async Task OnlyARolesHolder_GrantsRoles_AndCustomerStaysEveryonesRole()
    {
        var admin = await fixture.SignInAdminAsync();
        var shopper = await fixture.SignUpAsync("Ana");
        var (_, otherId) = await SignUpAsync("Bob");

        Assert.Equal("FORBIDDEN", await shopper.ErrorCodeAsync(Grant, new { id = otherId, role = "ADMIN" }));
        var kept = (await admin.DataAsync(Revoke, new { id = otherId, role = "CUSTOMER" })).GetProperty("revokeRole");
        Assert.Equal("INVALID_INPUT", kept.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task StaffOperations_AndRefusedAttempts_AreInTheAuditLog_WhichOnlyAnAdministratorReads()
    {
        var admin = await fixture.SignInAdminAsync();
        var adminId = (await admin.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();
        var shopper = await fixture.SignUpAsync("Mallory");
        var shopperId = (await shopper.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();
        var sku = $"audit-{Guid.NewGuid():N}"[..20];
        await admin.DataAsync("mutation($id: ID!) { upsertCategory(id: $id, name: \"Audited\") { id } }", new { id = "audited" });
        await admin.DataAsync(
            "mutation($id: ID!) { upsertProduct(input: { id: $id, name: \"Audited\", description: \"\", categoryId: \"audited\", price: 5, stock: 1 }) { userErrors { code } } }",
            new { id = sku });

        await admin.DataAsync("mutation($id: ID!) { adjustStock(productId: $id, delta: 4) { userErrors { code } } }", new { id = sku });
        await shopper.ErrorCodeAsync("mutation($id: ID!) { adjustStock(productId: $id, delta: 100) { userErrors { code } } }", new { id = sku });

        var log = (await admin.DataAsync("{ auditLog(first: 100) { actorId action target outcome } }")).GetProperty("auditLog").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString()!.Contains(sku)).ToList();
        Assert.Equal(
            [(shopperId, "adjustStock", "FORBIDDEN"), (adminId, "adjustStock", "ok"), (adminId, "upsertProduct", "ok")],
            log.Select(e => (e.GetProperty("actorId").GetString(), e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString())));
        Assert.Equal("FORBIDDEN", await shopper.ErrorCodeAsync("{ auditLog { action } }"));
    }

    private async Task<(string Email, string Id)> SignUpAsync(string name)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        var data = await fixture.Anonymous.DataAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { customer { id } } }", new { input = new { email, password = "password-1", name } });
        return (email, data.GetProperty("signUp").GetProperty("customer").GetProperty("id").GetString()!);
    }

    private async Task<GraphQLClient> SignInAsync(string email)
    {
        var data = await fixture.Anonymous.DataAsync(
            "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }", new { email, password = "password-1" });
        return new GraphQLClient(fixture.Http, data.GetProperty("signIn").GetProperty("accessToken").GetString());
    }
}
