// The start-up baseline: the least a .NET program can do.
Console.WriteLine("hello");
