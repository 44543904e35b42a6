using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EShop.Customers;
using EShop.Shared;
using EShop.Silo.Hosting;
using EShop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EShop.Tests.Customers;

// Changing the e-mail address: the password asks, a link mailed to the new address (the silo's sandbox mail server
// keeps it) confirms.
[Collection(ClusterCollection.Name)]
public sealed partial class EmailChangeTests(EShopClusterFixture fixture)
{
    private IAccountsGrain Accounts => fixture.Grains.GetGrain<IAccountsGrain>(0);

    [Fact]
    public async Task TheLinkMailedToTheNewAddress_MovesTheAccountThere_Once()
    {
        var (old, next) = (NewEmail(), NewEmail());
        var customer = (await Accounts.SignUpAsync(new SignUp(old, "password-1", "Ana"))).Value!.Id;

        var requested = await Accounts.RequestEmailChangeAsync(customer, "password-1", next.ToUpperInvariant());
        Assert.Equal(old, (await fixture.Grains.GetGrain<ICustomerGrain>(customer).GetAsync())!.Email);
        var token = await TokenMailedToAsync(next);
        var confirmed = await Accounts.ConfirmEmailChangeAsync(token);
        var again = await Accounts.ConfirmEmailChangeAsync(token);

        Assert.True(requested.Succeeded);
        Assert.Equal(next, confirmed.Value!.Email);
        Assert.Equal((ErrorCodes.InvalidCredentials, "token"), (Assert.Single(again.Errors).Code, again.Errors[0].Field[0]));
        Assert.True((await Accounts.SignInAsync(next, "password-1")).Succeeded);
        Assert.Equal(ErrorCodes.InvalidCredentials, Assert.Single((await Accounts.SignInAsync(old, "password-1")).Errors).Code);

        // The old address is free again.
        Assert.True((await Accounts.SignUpAsync(new SignUp(old, "password-2", "Eve"))).Succeeded);
    }

    [Fact]
    public async Task AWrongPasswordOrABadAddress_MailsNothing_AndAnAddressTakenMeanwhileIsEmailTaken()
    {
        var (mine, wanted) = (NewEmail(), NewEmail());
        var customer = (await Accounts.SignUpAsync(new SignUp(mine, "password-1", "Ana"))).Value!.Id;

        var wrong = await Accounts.RequestEmailChangeAsync(customer, "not-it", wanted);
        var bad = await Accounts.RequestEmailChangeAsync(customer, "password-1", "not-an-address");
        Assert.Empty(await MailToAsync(wanted));
        Assert.True((await Accounts.RequestEmailChangeAsync(customer, "password-1", wanted)).Succeeded);
        await Accounts.SignUpAsync(new SignUp(wanted, "password-2", "Squatter"));
        var taken = await Accounts.ConfirmEmailChangeAsync(await TokenMailedToAsync(wanted));

        Assert.Equal((ErrorCodes.InvalidCredentials, "password"), (Assert.Single(wrong.Errors).Code, wrong.Errors[0].Field[0]));
        Assert.Equal((ErrorCodes.InvalidInput, "newEmail"), (Assert.Single(bad.Errors).Code, bad.Errors[0].Field[0]));
        Assert.Equal(ErrorCodes.EmailTaken, Assert.Single(taken.Errors).Code);
        Assert.Equal(mine, (await fixture.Grains.GetGrain<ICustomerGrain>(customer).GetAsync())!.Email);
    }

    private static string NewEmail() => $"move-{Guid.NewGuid():N}@example.com";

    private async Task<string> TokenMailedToAsync(string to)
    {
        var message = Assert.Single(await MailToAsync(to));
        return TokenInLink().Match(message.GetProperty("body").GetString()!).Groups[1].Value;
    }

    // What the sandbox mail servers hold for an address: each silo serves its own, and the sender ran on either.
    private async Task<JsonElement[]> MailToAsync(string to)
    {
        var mail = new List<JsonElement>();
        foreach (var silo in fixture.Cluster.Silos.Cast<InProcessSiloHandle>())
        {
            using var http = new HttpClient { BaseAddress = silo.SiloHost!.Services.GetRequiredService<LocalSandbox>().Url };
            mail.AddRange((await http.GetFromJsonAsync<JsonElement[]>($"/mail/v1/messages?to={Uri.EscapeDataString(to)}"))!);
        }

        return [.. mail];
    }

    [GeneratedRegex(@"token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenInLink();
}
