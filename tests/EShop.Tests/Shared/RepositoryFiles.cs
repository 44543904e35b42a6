namespace EShop.Tests.Shared;

public static class RepositoryFiles
{
    // The folder holding EShop.sln, found from the test binaries upward.
    public static string Root { get; } = FindRoot();

    // The storefront contract, in the shared folder that sits beside the repository.
    public static string Contract => Path.GetFullPath(Path.Combine(Root, "..", "shared", "api", "storefront.graphql"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EShop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No EShop.sln above {AppContext.BaseDirectory}.");
    }
}
