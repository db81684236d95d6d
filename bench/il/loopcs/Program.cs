Console.WriteLine(Spin(1_000_000_000));

static long Spin(long n)
{
    long acc = 0;
    for (long i = 0; i < n; i++)
    {
        acc = unchecked(acc + (i * 3));
    }

    return acc;
}
