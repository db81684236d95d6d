namespace Zylisp.Rely.Tests;

public sealed class RestartWindowTests
{
    private static readonly RestartIntensity ThreeInTen = new(3, TimeSpan.FromSeconds(10));

    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void The_limit_is_broken_only_by_more_than_max_restarts()
    {
        var window = RestartWindow.Empty;
        foreach (var t in new[] { 0.0, 1, 2 })
        {
            window = window.Add(At(t), ThreeInTen, out var exceeded);
            Assert.False(exceeded);
        }
        window.Add(At(3), ThreeInTen, out var fourth);
        Assert.True(fourth);
    }

    [Fact]
    public void Restarts_a_full_period_old_drop_out()
    {
        var window = RestartWindow.Empty
            .Add(At(0), ThreeInTen, out _)
            .Add(At(1), ThreeInTen, out _)
            .Add(At(2), ThreeInTen, out _);
        window = window.Add(At(10), ThreeInTen, out var exceeded);
        Assert.False(exceeded);
        Assert.Equal(3, window.CountAt(At(10), ThreeInTen.Period));
        Assert.Equal(1, window.CountAt(At(12), ThreeInTen.Period));
    }

    [Fact]
    public void Zero_max_restarts_breaks_on_the_first()
    {
        RestartWindow.Empty.Add(At(0), new RestartIntensity(0, At(1)), out var exceeded);
        Assert.True(exceeded);
    }

    [Fact]
    public void Invalid_intensities_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestartIntensity(-1, At(1)).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestartIntensity(1, TimeSpan.Zero).Validate());
    }
}
