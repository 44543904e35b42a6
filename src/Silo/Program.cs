using EShop.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEShopSiloHost();

var app = builder.Build();
app.MapEShopSiloEndpoints();
app.Run();
