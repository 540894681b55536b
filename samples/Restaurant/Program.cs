Console.WriteLine("Restaurant sample: the engine lands with issue 2.");
