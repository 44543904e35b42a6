using EShop.Customers;

namespace EShop.Tests.Customers;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Hash_IsSaltedPbkdf2AtTheOwaspWorkFactor()
    {
        var first = PasswordHasher.Hash("correct horse");
        var second = PasswordHasher.Hash("correct horse");

        Assert.StartsWith("pbkdf2-sha256$600000$", first);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("correct horse", first);
    }

    [Fact]
    public void Verify_AcceptsOnlyThePassword()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.True(PasswordHasher.Verify("correct horse", hash));
        Assert.False(PasswordHasher.Verify("correct horse ", hash));
        Assert.False(PasswordHasher.Verify("correct horse", null));
        Assert.False(PasswordHasher.Verify("correct horse", "md5$abc"));
    }
}
