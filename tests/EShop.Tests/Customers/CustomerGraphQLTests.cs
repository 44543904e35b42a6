using System.Net;
using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Customers;

[Collection(GatewayCollection.Name)]
public sealed class CustomerGraphQLTests(GatewayFixture fixture)
{
    // A GraphQL POST as a client at address sends it.
    private async Task<JsonElement> PostFromAsync(IPAddress address, string query, object? variables = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query, variables });
        var context = await fixture.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            (c.Request.Method, c.Request.Path, c.Request.ContentType) = ("POST", "/graphql", "application/json");
            c.Request.Body = new MemoryStream(body);
        });
        return (await JsonDocument.ParseAsync(context.Response.Body)).RootElement;
    }

    private const string SignUp = "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken customer { id email name roles } userErrors { code field } } }";
    private const string SignIn = "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken customer { email } userErrors { code } } }";
    private const string Refresh = "mutation($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken customer { id } userErrors { code } } }";

    [Fact]
    public async Task SignUp_ThenMe_ReturnsTheCustomerWithTheCustomerRole()
    {
        var email = $"me-{Guid.NewGuid():N}@example.com";

        var payload = (await fixture.Anonymous.DataAsync(SignUp, new { input = new { email, password = "password-1", name = "Ana" } })).GetProperty("signUp");
        var me = (await new GraphQLClient(fixture.Http, payload.GetProperty("accessToken").GetString()).DataAsync("{ me { id email name roles } }")).GetProperty("me");

        Assert.Equal(payload.GetProperty("customer").GetProperty("id").GetString(), me.GetProperty("id").GetString());
        Assert.Equal((email, "Ana", "CUSTOMER"), (me.GetProperty("email").GetString(), me.GetProperty("name").GetString(), me.GetProperty("roles")[0].GetString()));
    }

    [Fact]
    public async Task SignUp_TakenEmail_IsAUserError()
    {
        var email = $"taken-{Guid.NewGuid():N}@example.com";
        await fixture.Anonymous.DataAsync(SignUp, new { input = new { email, password = "password-1", name = "Ana" } });

        var payload = (await fixture.Anonymous.DataAsync(SignUp, new { input = new { email, password = "password-2", name = "Eve" } })).GetProperty("signUp");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("accessToken").ValueKind);
        Assert.Equal("EMAIL_TAKEN", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task SignIn_AliasedGuesses_CountOneByOne_AndThoseOverTheLimitAreRateLimited()
    {
        // 40 guesses at 40 addresses (so no address's lockout is what stops them), 20 aliases a request, from one client.
        var client = IPAddress.Parse("203.0.113.9");
        string Guesses() => "mutation { " + string.Join(" ", Enumerable.Range(0, 20).Select(i =>
            $"g{i}: signIn(email: \"guess-{i}-{Guid.NewGuid():N}@example.com\", password: \"password-1\") {{ userErrors {{ code }} }}")) + " }";

        var first = await PostFromAsync(client, Guesses());
        var second = await PostFromAsync(client, Guesses());
        var next = await PostFromAsync(client, SignIn, new { email = $"next-{Guid.NewGuid():N}@example.com", password = "password-1" });
        var elsewhere = await PostFromAsync(IPAddress.Parse("203.0.113.10"), SignIn, new { email = $"other-{Guid.NewGuid():N}@example.com", password = "password-1" });

        Assert.All(first.GetProperty("data").EnumerateObject(), g => Assert.Equal("INVALID_CREDENTIALS", g.Value.GetProperty("userErrors")[0].GetProperty("code").GetString()));
        Assert.Equal(Enumerable.Repeat("RATE_LIMITED", 10), second.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal("RATE_LIMITED", next.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("INVALID_CREDENTIALS", elsewhere.GetProperty("data").GetProperty("signIn").GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task SignIn_RightAndWrongPassword()
    {
        var email = $"signin-{Guid.NewGuid():N}@example.com";
        await fixture.Anonymous.DataAsync(SignUp, new { input = new { email, password = "password-1", name = "Ana" } });

        var right = (await fixture.Anonymous.DataAsync(SignIn, new { email, password = "password-1" })).GetProperty("signIn");
        var wrong = (await fixture.Anonymous.DataAsync(SignIn, new { email, password = "password-2" })).GetProperty("signIn");

        Assert.Equal(email, right.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal(("INVALID_CREDENTIALS", JsonValueKind.Null), (wrong.GetProperty("userErrors")[0].GetProperty("code").GetString(), wrong.GetProperty("accessToken").ValueKind));
    }

    [Fact]
    public async Task RefreshToken_IssuesNewTokensOnce()
    {
        var email = $"refresh-{Guid.NewGuid():N}@example.com";
        var signedUp = (await fixture.Anonymous.DataAsync(SignUp, new { input = new { email, password = "password-1", name = "Ana" } })).GetProperty("signUp");
        var token = signedUp.GetProperty("refreshToken").GetString();

        var refreshed = (await fixture.Anonymous.DataAsync(Refresh, new { token })).GetProperty("refreshToken");
        var me = await new GraphQLClient(fixture.Http, refreshed.GetProperty("accessToken").GetString()).DataAsync("{ me { email } }");
        var reused = (await fixture.Anonymous.DataAsync(Refresh, new { token })).GetProperty("refreshToken");

        Assert.Equal(email, me.GetProperty("me").GetProperty("email").GetString());
        Assert.NotEqual(token, refreshed.GetProperty("refreshToken").GetString());
        Assert.Equal("INVALID_CREDENTIALS", reused.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task RefreshToken_AUsedOneReplayed_EndsTheWholeFamily()
    {
        var signedUp = (await fixture.Anonymous.DataAsync(SignUp, new { input = new { email = $"family-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Ana" } })).GetProperty("signUp");
        var stolen = signedUp.GetProperty("refreshToken").GetString();
        var customersNext = (await fixture.Anonymous.DataAsync(Refresh, new { token = stolen })).GetProperty("refreshToken").GetProperty("refreshToken").GetString();

        var replayed = (await fixture.Anonymous.DataAsync(Refresh, new { token = stolen })).GetProperty("refreshToken");
        var next = (await fixture.Anonymous.DataAsync(Refresh, new { token = customersNext })).GetProperty("refreshToken");

        Assert.Equal("INVALID_CREDENTIALS", replayed.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("INVALID_CREDENTIALS", next.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task SignOut_EndsTheAccessTokenAndTheRefreshToken()
    {
        var signedUp = (await fixture.Anonymous.DataAsync(SignUp, new { input = new { email = $"out-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Ana" } })).GetProperty("signUp");
        var customer = new GraphQLClient(fixture.Http, signedUp.GetProperty("accessToken").GetString());
        Assert.Equal(JsonValueKind.Object, (await customer.DataAsync("{ me { id } }")).GetProperty("me").ValueKind);

        Assert.True((await customer.DataAsync("mutation { signOut }")).GetProperty("signOut").GetBoolean());

        Assert.Equal(JsonValueKind.Null, (await customer.DataAsync("{ me { id } }")).GetProperty("me").ValueKind);
        Assert.Equal("UNAUTHENTICATED", await customer.ErrorCodeAsync("{ cart { itemCount } }"));
        var refreshed = (await fixture.Anonymous.DataAsync(Refresh, new { token = signedUp.GetProperty("refreshToken").GetString() })).GetProperty("refreshToken");
        Assert.Equal("INVALID_CREDENTIALS", refreshed.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ChangePassword_SignsOutEveryOtherDevice_AndGivesThisOneANewSession()
    {
        var email = $"change-{Guid.NewGuid():N}@example.com";
        var phone = (await fixture.Anonymous.DataAsync(SignUp, new { input = new { email, password = "password-1", name = "Ana" } })).GetProperty("signUp");
        var laptop = (await fixture.Anonymous.DataAsync(SignIn, new { email, password = "password-1" })).GetProperty("signIn");
        var onPhone = new GraphQLClient(fixture.Http, phone.GetProperty("accessToken").GetString());

        var changed = (await onPhone.DataAsync(
            "mutation { changePassword(currentPassword: \"password-1\", newPassword: \"password-2\") { accessToken userErrors { code } } }")).GetProperty("changePassword");

        Assert.Equal(0, changed.GetProperty("userErrors").GetArrayLength());
        Assert.Equal("UNAUTHENTICATED", await onPhone.ErrorCodeAsync("{ cart { itemCount } }"));
        Assert.Equal("UNAUTHENTICATED", await new GraphQLClient(fixture.Http, laptop.GetProperty("accessToken").GetString()).ErrorCodeAsync("{ cart { itemCount } }"));
        var fresh = new GraphQLClient(fixture.Http, changed.GetProperty("accessToken").GetString());
        Assert.Equal(email, (await fresh.DataAsync("{ me { email } }")).GetProperty("me").GetProperty("email").GetString());
    }

    [Fact]
    public async Task UpdateProfile_RenamesTheSignedInCustomer_AndNeedsOne()
    {
        var customer = await fixture.SignUpAsync("Ana");

        var renamed = (await customer.DataAsync("mutation { updateProfile(name: \"Ana María\") { customer { name } userErrors { code } } }")).GetProperty("updateProfile");

        Assert.Equal("Ana María", renamed.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync("mutation { updateProfile(name: \"Eve\") { userErrors { code } } }"));
    }

    [Fact]
    public async Task AddressBook_ThroughTheApi_IsTheCustomersOwn()
    {
        var customer = await fixture.SignUpAsync("Ana");
        const string Add = "mutation($input: AddressInput!) { addAddress(input: $input) { customer { addresses { id line1 isDefault } } userErrors { code } } }";
        var input = new { name = "Ana", line1 = "Calle Mayor 1", city = "Madrid", postalCode = "28013", country = "ES" };

        var added = (await customer.DataAsync(Add, new { input })).GetProperty("addAddress").GetProperty("customer").GetProperty("addresses")[0];
        var second = (await customer.DataAsync(Add, new { input = input with { line1 = "Gran Vía 2" } })).GetProperty("addAddress").GetProperty("customer").GetProperty("addresses")[1];
        var made = (await customer.DataAsync("mutation($id: ID!) { setDefaultAddress(id: $id) { customer { addresses { isDefault } } } }", new { id = second.GetProperty("id").GetString() }))
            .GetProperty("setDefaultAddress").GetProperty("customer").GetProperty("addresses");
        var intruder = await fixture.SignUpAsync("Eve");
        var stolen = (await intruder.DataAsync("mutation($id: ID!) { removeAddress(id: $id) { userErrors { code } } }", new { id = added.GetProperty("id").GetString() })).GetProperty("removeAddress");

        Assert.True(added.GetProperty("isDefault").GetBoolean());
        Assert.Equal([false, true], made.EnumerateArray().Select(a => a.GetProperty("isDefault").GetBoolean()));
        Assert.Equal("NOT_FOUND", stolen.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(2, (await customer.DataAsync("{ me { addresses { id } } }")).GetProperty("me").GetProperty("addresses").GetArrayLength());
        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync("mutation { removeAddress(id: \"x\") { userErrors { code } } }"));
    }

    [Fact]
    public async Task AWellSignedTokenOfNoSignIn_IsNotTrusted()
    {
        // Signed with the gateway's own key for a subject that never registered: a leaked key, or a token of an
        // account that is gone. Either way no session stands behind it.
        var token = Token(GatewayFixture.SigningKey, Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal("UNAUTHENTICATED", await new GraphQLClient(fixture.Http, token).ErrorCodeAsync("{ cart { itemCount } }"));
    }

    [Fact]
    public async Task SigningKeys_TheCurrentOneSignsWithItsId_AnEarlierOneStillValidates_AndNoOtherDoes()
    {
        var (customer, session) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Grains.GetGrain<EShop.Customers.ICustomerSessionsGrain>(customer).StartAsync(session);
        var issued = (await fixture.Anonymous.DataAsync(SignUp, new { input = new { email = $"kid-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Ana" } }))
            .GetProperty("signUp").GetProperty("accessToken").GetString()!;

        var earlier = await new GraphQLClient(fixture.Http, Token(GatewayFixture.EarlierSigningKey, customer, session)).PostAsync("{ cart { itemCount } }");
        var unknown = await new GraphQLClient(fixture.Http, Token("a key this gateway has never been given, 32+ bytes", customer, session)).ErrorCodeAsync("{ cart { itemCount } }");

        var kid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(issued).Kid;
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(GatewayFixture.SigningKey)))[..16], kid);
        Assert.False(earlier.Body.TryGetProperty("errors", out _), earlier.Body.ToString());
        Assert.Equal("UNAUTHENTICATED", unknown);
    }

    private static string Token(string key, Guid customer, Guid session) => TestTokens.Sign(key, customer, session, TimeSpan.FromMinutes(5));
}
