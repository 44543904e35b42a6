using EShop.Customers;
using EShop.Shared;
using EShop.Tests.Shared;

namespace EShop.Tests.Customers;

[Collection(ClusterCollection.Name)]
public sealed class AccountsTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private IAccountsGrain Accounts => _grains.GetGrain<IAccountsGrain>(0);

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task SignUp_NewEmail_CreatesCustomerWithNormalizedEmailAndHashedPassword()
    {
        var email = NewEmail();

        var result = await Accounts.SignUpAsync(new SignUp("  " + email.ToUpperInvariant() + " ", "password-1", " Ana "));

        var profile = result.Value!;
        Assert.Equal((email, "Ana"), (profile.Email, profile.Name));
        Assert.Equal([Role.Customer], profile.Roles.ToArray());
        Json.AssertSame(profile, await _grains.GetGrain<ICustomerGrain>(profile.Id).GetAsync());
        Assert.Equal(profile.Id, await _grains.GetGrain<ICustomerEmailGrain>(EmailAddress.IndexKey(email)).GetOwnerAsync());
        Assert.True(await _grains.GetGrain<ICustomerGrain>(profile.Id).VerifyPasswordAsync("password-1"));
        Assert.False(await _grains.GetGrain<ICustomerGrain>(profile.Id).VerifyPasswordAsync("password-2"));
    }

    [Fact]
    public async Task SignUp_EmailTakenInAnyCase_ReturnsEmailTaken()
    {
        var email = NewEmail();
        await Accounts.SignUpAsync(new SignUp(email, "password-1", "First"));

        var result = await Accounts.SignUpAsync(new SignUp(email.ToUpperInvariant(), "password-2", "Second"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.EmailTaken, "email"), (error.Code, error.Field[^1]));
    }

    [Fact]
    public async Task SignUp_ConcurrentlyWithOneEmail_CreatesExactlyOneCustomer()
    {
        var email = NewEmail();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Accounts.SignUpAsync(new SignUp(email, "password-1", $"Racer {i}"))));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCodes.EmailTaken, r.Errors[0].Code));
        Assert.Equal(winner.Value!.Id, await _grains.GetGrain<ICustomerEmailGrain>(EmailAddress.IndexKey(email)).GetOwnerAsync());
    }

    [Theory]
    [InlineData("not-an-email", "password-1", "Ana", "email")]
    [InlineData("a@b", "password-1", "Ana", "email")]
    [InlineData("ana@example.com", "short", "Ana", "password")]
    [InlineData("ana@example.com", "password-1", " ", "name")]
    [InlineData("ana@example.com", "password-1", "Ana\u0000\u202e", "name")]
    public async Task SignUp_InvalidInput_ReturnsInvalidInputNamingTheField(string email, string password, string name, string field)
    {
        var result = await Accounts.SignUpAsync(new SignUp(email, password, name));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.InvalidInput, field), (error.Code, error.Field[^1]));
    }

    [Fact]
    public async Task SignIn_RightPassword_ReturnsTheCustomer()
    {
        var email = NewEmail();
        var signedUp = await Accounts.SignUpAsync(new SignUp(email, "password-1", "Ana"));

        var result = await Accounts.SignInAsync(email.ToUpperInvariant(), "password-1");

        Json.AssertSame(signedUp.Value, result.Value);
    }

    [Theory]
    [InlineData(true, "wrong-password")]
    [InlineData(false, "password-1")]
    public async Task SignIn_WrongPasswordOrUnknownEmail_ReturnsInvalidCredentials(bool registered, string password)
    {
        var email = NewEmail();
        if (registered)
        {
            await Accounts.SignUpAsync(new SignUp(email, "password-1", "Ana"));
        }

        var result = await Accounts.SignInAsync(email, password);

        Assert.Equal(ErrorCodes.InvalidCredentials, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_FiveFailuresInARow_LockTheAddressEvenAgainstTheRightPassword_WhetherOrNotItHasAnAccount(bool registered)
    {
        var email = NewEmail();
        if (registered)
        {
            await Accounts.SignUpAsync(new SignUp(email, "password-1", "Ana"));
        }

        var failures = new List<string>();
        for (var i = 0; i < ISignInAttemptsGrain.MaxFailures; i++)
        {
            failures.Add(Assert.Single((await Accounts.SignInAsync(email, $"guess-{i}")).Errors).Code);
        }

        var right = await Accounts.SignInAsync(email.ToUpperInvariant(), "password-1");

        Assert.All(failures, code => Assert.Equal(ErrorCodes.InvalidCredentials, code));
        Assert.Equal(ErrorCodes.LockedOut, Assert.Single(right.Errors).Code);
    }

    [Fact]
    public async Task SignIn_ASuccess_StartsTheCountAgain()
    {
        var email = NewEmail();
        await Accounts.SignUpAsync(new SignUp(email, "password-1", "Ana"));
        for (var i = 0; i < ISignInAttemptsGrain.MaxFailures - 1; i++)
        {
            await Accounts.SignInAsync(email, "wrong-password");
        }

        Assert.True((await Accounts.SignInAsync(email, "password-1")).Succeeded);
        await Accounts.SignInAsync(email, "wrong-password");

        Assert.True((await Accounts.SignInAsync(email, "password-1")).Succeeded);
    }

    [Fact]
    public async Task SignIn_AnOversizedAddressOrPassword_IsRefusedWithoutTouchingAnAccount()
    {
        var email = NewEmail();
        await Accounts.SignUpAsync(new SignUp(email, "password-1", "Ana"));
        var huge = new string('a', 5_000_000) + "@example.com";

        var hugeEmail = await Accounts.SignInAsync(huge, "password-1");
        var hugePasswords = new List<Result<CustomerProfile>>();
        for (var i = 0; i < ISignInAttemptsGrain.MaxFailures; i++)
        {
            hugePasswords.Add(await Accounts.SignInAsync(email, new string('p', 257)));
        }

        Assert.Equal(ErrorCodes.InvalidCredentials, Assert.Single(hugeEmail.Errors).Code);
        Assert.All(hugePasswords, r => Assert.Equal(ErrorCodes.InvalidCredentials, Assert.Single(r.Errors).Code));

        // Refused before the account's attempts were counted: the address is not locked.
        Assert.True((await Accounts.SignInAsync(email, "password-1")).Succeeded);
    }

    [Fact]
    public async Task ChangePassword_TheCurrentOneRequired_ThenOnlyTheNewOneSignsIn_AndEverySessionEnds()
    {
        var email = NewEmail();
        var customer = (await Accounts.SignUpAsync(new SignUp(email, "password-1", "Ana"))).Value!.Id;
        var sessions = _grains.GetGrain<ICustomerSessionsGrain>(customer);
        var (phone, laptop) = (Guid.NewGuid(), Guid.NewGuid());
        await sessions.StartAsync(phone);
        await sessions.StartAsync(laptop);

        var wrong = await Accounts.ChangePasswordAsync(customer, "not-it", "password-2");
        var tooShort = await Accounts.ChangePasswordAsync(customer, "password-1", "short");
        Assert.True(await sessions.IsActiveAsync(phone));
        var changed = await Accounts.ChangePasswordAsync(customer, "password-1", "password-2");

        Assert.Equal((ErrorCodes.InvalidCredentials, "currentPassword"), (Assert.Single(wrong.Errors).Code, wrong.Errors[0].Field[0]));
        Assert.Equal((ErrorCodes.InvalidInput, "newPassword"), (Assert.Single(tooShort.Errors).Code, tooShort.Errors[0].Field[0]));
        Assert.True(changed.Succeeded);
        Assert.False(await sessions.IsActiveAsync(phone));
        Assert.False(await sessions.IsActiveAsync(laptop));
        Assert.Equal(ErrorCodes.InvalidCredentials, Assert.Single((await Accounts.SignInAsync(email, "password-1")).Errors).Code);
        Assert.True((await Accounts.SignInAsync(email, "password-2")).Succeeded);
    }

    [Fact]
    public async Task UpdateProfile_ChangesTheName_AndRefusesControlCharacters()
    {
        var customer = _grains.GetGrain<ICustomerGrain>((await Accounts.SignUpAsync(new SignUp(NewEmail(), "password-1", "Ana"))).Value!.Id);

        var renamed = await customer.UpdateProfileAsync("  Ana María ");
        var refused = await customer.UpdateProfileAsync("Ana\u0007");

        Assert.Equal("Ana María", renamed.Value!.Name);
        Assert.Equal((ErrorCodes.InvalidInput, "name"), (Assert.Single(refused.Errors).Code, refused.Errors[0].Field[0]));
        Assert.Equal("Ana María", (await customer.GetAsync())!.Name);
    }

    [Fact]
    public async Task AdminFromConfiguration_ExistsWithAdminRole()
    {
        var result = await Accounts.SignInAsync(TestSilo.AdminEmail, TestSilo.AdminPassword);

        Assert.Equal([Role.Customer, Role.Admin], result.Value!.Roles.ToArray());
    }

    [Fact]
    public async Task EnsureAdmin_ExistingCustomer_GetsAdminRoleOnce()
    {
        var email = NewEmail();
        await Accounts.SignUpAsync(new SignUp(email, "password-1", "Ana"));

        await Accounts.EnsureAdminAsync(new SignUp(email, "password-1", "Ana"));
        var again = await Accounts.EnsureAdminAsync(new SignUp(email, "password-1", "Ana"));

        Assert.Equal([Role.Customer, Role.Admin], again.Value!.Roles.ToArray());
    }

    [Fact]
    public async Task EnsureAdmin_ExistingAccountWithAnotherPassword_IsNotMadeAdmin()
    {
        var email = NewEmail();
        await Accounts.SignUpAsync(new SignUp(email, "squatter-password", "Eve"));

        var result = await Accounts.EnsureAdminAsync(new SignUp(email, "configured-password", "Admin"));

        Assert.Equal(ErrorCodes.InvalidCredentials, Assert.Single(result.Errors).Code);
        var signedIn = await Accounts.SignInAsync(email, "squatter-password");
        Assert.Equal([Role.Customer], signedIn.Value!.Roles.ToArray());
    }
}
