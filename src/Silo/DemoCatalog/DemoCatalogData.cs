using EShop.Catalog;

namespace EShop.Silo.DemoCatalog;

// A deterministic demo catalog: the same 1,020 products in 12 categories on every machine, so screenshots,
// load tests and the README's examples agree. Names are adjective × item per category (then numbered series, in a
// catalog made bigger for load tests); prices and stock come from a fixed-seed generator.
public static class DemoCatalogData
{
    public const int ProductsPerCategory = 85;

    private static readonly string[] Adjectives =
        ["Classic", "Compact", "Deluxe", "Eco", "Essential", "Pro", "Smart", "Ultra", "Vintage", "Urban", "Travel", "Premium"];

    private static readonly (string Id, string Name, string[] Items)[] Categories =
    [
        ("electronics", "Electronics", ["Bluetooth Speaker", "Headphones", "Power Bank", "Webcam", "Smartwatch", "E-Reader", "Router", "Charger"]),
        ("books", "Books", ["Cookbook", "Novel", "Atlas", "Poetry Collection", "Field Guide", "Biography", "Sketchbook", "Dictionary"]),
        ("home-kitchen", "Home & Kitchen", ["Chef Knife", "Frying Pan", "Coffee Grinder", "Teapot", "Cutting Board", "Blender", "Mixing Bowl", "Toaster"]),
        ("garden", "Garden", ["Pruning Shears", "Watering Can", "Planter", "Hose Reel", "Seed Kit", "Garden Gloves", "Bird Feeder", "Trowel"]),
        ("toys", "Toys", ["Building Blocks", "Puzzle", "Kite", "Board Game", "Plush Bear", "Race Car", "Yo-Yo", "Train Set"]),
        ("sports", "Sports", ["Yoga Mat", "Water Bottle", "Tennis Racket", "Football", "Jump Rope", "Dumbbell", "Cycling Helmet", "Backpack"]),
        ("clothing", "Clothing", ["T-Shirt", "Hoodie", "Rain Jacket", "Scarf", "Beanie", "Denim Jeans", "Polo Shirt", "Socks"]),
        ("shoes", "Shoes", ["Running Shoes", "Hiking Boots", "Sandals", "Sneakers", "Loafers", "Slippers", "Trail Shoes", "Rain Boots"]),
        ("beauty", "Beauty", ["Face Cream", "Shampoo", "Lip Balm", "Hand Soap", "Sunscreen", "Hair Brush", "Body Lotion", "Perfume"]),
        ("grocery", "Grocery", ["Olive Oil", "Green Tea", "Dark Chocolate", "Coffee Beans", "Honey", "Pasta", "Granola", "Spice Set"]),
        ("office", "Office", ["Notebook", "Fountain Pen", "Desk Lamp", "Stapler", "Monitor Stand", "Planner", "Desk Organizer", "Whiteboard"]),
        ("pets", "Pets", ["Dog Leash", "Cat Tree", "Pet Bed", "Chew Toy", "Food Bowl", "Aquarium Filter", "Bird Cage", "Grooming Brush"]),
    ];

    public static IEnumerable<Category> CategoryList => Categories.Select(c => new Category(c.Id, c.Name));

    public static IEnumerable<(string Id, ProductDetails Details)> Products(int productsPerCategory)
    {
        for (var c = 0; c < Categories.Length; c++)
        {
            var (categoryId, categoryName, items) = Categories[c];
            var random = new Random(1_000 + c);
            for (var i = 0; i < productsPerCategory; i++)
            {
                var combinations = Adjectives.Length * items.Length;
                var name = $"{Adjectives[i % Adjectives.Length]} {items[i / Adjectives.Length % items.Length]}" + (i < combinations ? "" : $" Series {i / combinations + 1}");
                var price = Math.Round((decimal)(random.NextDouble() * 240 + 2.5), 2);
                var stock = random.Next(10) == 0 ? 0 : random.Next(1, 250);
                yield return ($"{categoryId}-{i + 1:000}", new ProductDetails(
                    name,
                    $"{name} from our {categoryName.ToLowerInvariant()} range. Demo product {i + 1} of {productsPerCategory}.",
                    categoryId,
                    price,
                    stock,
                    random.Next(50, 5_000)));
            }
        }
    }
}
