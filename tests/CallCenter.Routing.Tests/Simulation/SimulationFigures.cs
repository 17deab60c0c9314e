using System.Globalization;
using System.Text;

namespace CallCenter.Routing.Tests.Simulation;

/// <summary>What the simulation measured, and its printed report.</summary>
internal sealed class SimulationFigures
{
    public int Callers { get; set; }

    public int Agents { get; set; }

    public int Served { get; set; }

    public int Abandoned { get; set; }

    public int CallbacksRequested { get; set; }

    public int CallbacksServed { get; set; }

    public int Overflowed { get; set; }

    public int Transfers { get; set; }

    public int RingTimeouts { get; set; }

    public int Rejections { get; set; }

    public int MissedCallPauses { get; set; }

    public int Expansions { get; set; }

    public int OffersChecked { get; set; }

    public int EstimatesUnknown { get; set; }

    public int MaxWaiting { get; set; }

    public TimeSpan SimulatedTime { get; set; }

    /// <summary>Seconds from arrival in routing to answer, per answered contact (callbacks from their original arrival).</summary>
    public List<double> Waits { get; } = [];

    /// <summary>Actual minus estimated seconds until the first offer, per contact that had to wait and got an estimate.</summary>
    public List<double> EstimateErrors { get; } = [];

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    public string Report(TimeSpan elapsed)
    {
        var abs = EstimateErrors.Select(Math.Abs).ToList();
        var text = new StringBuilder();
        void Line(string name, object value) => text.AppendLine(CultureInfo.InvariantCulture, $"{name,-34} {value}");
        Line("callers / agents", $"{Callers} / {Agents}");
        Line("simulated time", SimulatedTime);
        Line("served (answered)", Served);
        Line("abandoned", Abandoned);
        Line("callbacks requested / served", $"{CallbacksRequested} / {CallbacksServed}");
        Line("overflowed", Overflowed);
        Line("transfers", Transfers);
        Line("ring timeouts / rejections", $"{RingTimeouts} / {Rejections}");
        Line("paused for missed calls", MissedCallPauses);
        Line("expansion steps (checked on time)", Expansions);
        Line("offers checked for order", OffersChecked);
        Line("most contacts waiting at once", MaxWaiting);
        Line("wait to answer: mean s", Fmt(Waits.DefaultIfEmpty(0).Average()));
        Line("wait to answer: p50 / p90 / p99 s", $"{Fmt(Percentile(Waits, 0.5))} / {Fmt(Percentile(Waits, 0.9))} / {Fmt(Percentile(Waits, 0.99))}");
        Line("wait to answer: max s", Fmt(Waits.DefaultIfEmpty(0).Max()));
        Line("estimates compared / unknown", $"{EstimateErrors.Count} / {EstimatesUnknown}");
        Line("estimate error (actual-est): mean s", Fmt(EstimateErrors.DefaultIfEmpty(0).Average()));
        Line("estimate |error|: mean / p50 / p90 s", $"{Fmt(abs.DefaultIfEmpty(0).Average())} / {Fmt(Percentile(abs, 0.5))} / {Fmt(Percentile(abs, 0.9))}");
        Line("wall-clock run time", $"{elapsed.TotalSeconds:F2} s");
        return text.ToString();
    }

    private static string Fmt(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
