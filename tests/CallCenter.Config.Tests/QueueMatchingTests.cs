using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class QueueMatchingTests
{
    private static readonly CallCenterConfig Config = Load.Valid(Load.Lines(
        "queues:",
        "  sales:",
        "    skills: { sales: 5 }",
        "  sales-tl:",
        "    skills: { sales: 5, lang-tl: 5 }",
        "  general:",
        "    skills: { general: 1 }",
        "  also-general:",
        "    skills: { general: 3 }"));

    [Fact]
    public void A_queue_with_exactly_the_flows_skills_is_chosen()
    {
        Assert.True(Config.TryFindQueue(["sales", "lang-tl"], out QueueConfig? queue));
        Assert.Equal("sales-tl", queue.Name);
    }

    [Fact]
    public void Without_an_exact_match_the_language_skill_is_left_out()
    {
        Assert.True(Config.TryFindQueue(["sales", "lang-en"], out QueueConfig? queue));
        Assert.Equal("sales", queue.Name);
    }

    [Fact]
    public void The_first_queue_in_the_file_wins_a_tie()
    {
        Assert.True(Config.TryFindQueue(["general"], out QueueConfig? queue));
        Assert.Equal("general", queue.Name);
    }

    [Fact]
    public void Skills_no_queue_has_find_nothing()
    {
        Assert.False(Config.TryFindQueue(["support", "lang-en"], out _));
        Assert.False(Config.TryFindQueue(["lang-en"], out _));
        Assert.False(Config.TryFindQueue([], out _));
    }

    [Fact]
    public void A_queue_needing_fewer_skills_is_not_a_match()
    {
        Assert.False(Config.TryFindQueue(["sales", "billing"], out _));
    }
}
