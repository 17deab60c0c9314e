using FsCheck.Xunit;

namespace CallCenter.Routing.Tests.Properties;

/// <summary>
/// Random event sequences (FsCheck picks the seed and the script) through the real engine: after every event the
/// observer checks no double booking, no stranded reservation, order within priority and eligibility, expansion
/// on time and no eligible agent idle beside a waiting contact; at the end everyone still in routing is served.
/// </summary>
public sealed class RoutingPropertyTests
{
    [Property(MaxTest = 300)]
    public void Invariants_hold_for_any_event_sequence(int seed, byte[] script)
    {
        var world = new RandomWorld(seed);
        script ??= [];
        for (int i = 0; i + 2 < script.Length; i += 3)
        {
            world.Step(script[i], script[i + 1], script[i + 2]);
        }

        world.Drain();

        Assert.Empty(world.Stuck());
        Assert.All(world.Engine.Agents, a => Assert.Null(a.ContactId));
    }

    [Fact]
    public void Long_seeded_scripts_keep_the_invariants()
    {
        int offers = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var world = new RandomWorld(seed);
            for (int i = 0; i < 600; i++)
            {
                world.Step((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }

            world.Drain();
            Assert.Empty(world.Stuck());
            offers += world.OffersChecked;
        }

        // The scripts must actually exercise routing, or the checks above prove nothing.
        Assert.True(offers > 1000, $"only {offers} offers checked");
    }
}
