using EShop.Tests.Shared;

namespace EShop.Tests.Schema;

// The contract lives in the shared folder beside the repository, which a fresh clone does not have: there a test that
// reads it is skipped, naming the file, instead of failing the suite.
public sealed class ContractFileFactAttribute : FactAttribute
{
    public ContractFileFactAttribute()
    {
        if (!File.Exists(RepositoryFiles.Contract))
        {
            Skip = $"The storefront contract {RepositoryFiles.Contract} is not here (it sits beside the repository, not in it).";
        }
    }
}
