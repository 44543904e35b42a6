namespace EShop.Tests.Durable;

// The integration tests start silo processes and kill them: they run on their own, after the in-memory suites,
// so the two cores are theirs and the timings they report mean something.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurableCollection
{
    public const string Name = "durable";
}
