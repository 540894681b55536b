using LayeredStore.App;
using LayeredStore.Domain;

Console.WriteLine(Checkout.Sell(new OrderLine(new Product("kettle", 3), 2)));
