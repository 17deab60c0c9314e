using CallCenter.Ivr.Definition;
using Microsoft.Extensions.Logging;

namespace CallCenter.Ivr.Runtime;

/// <summary>
/// The configured machines of one flow definition, lent to one event at a time. A machine costs about 27 KB to
/// configure, so calls share a few: an event rents one, points it at its run, fires, and returns it. The lock is
/// held only to take or put back a machine, never while firing. At most <see cref="Capacity"/> idle machines
/// are kept; a burst beyond that builds extra machines that are simply dropped afterwards.
/// </summary>
internal sealed class FlowMachinePool
{
    private readonly FlowDefinition _flow;
    private readonly ILogger _logger;
    private readonly FlowMachine?[] _idle;
    private readonly Lock _lock = new();
    private int _count;

    public FlowMachinePool(FlowDefinition flow, ILogger logger, int capacity)
    {
        _flow = flow;
        _logger = logger;
        _idle = new FlowMachine?[capacity];
    }

    /// <summary>How many idle machines are kept.</summary>
    public int Capacity => _idle.Length;

    /// <summary>Idle machines now in the pool.</summary>
    public int IdleCount
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>An idle machine, or a newly configured one when none is idle.</summary>
    public FlowMachine Rent()
    {
        lock (_lock)
        {
            if (_count > 0)
            {
                var machine = _idle[--_count]!;
                _idle[_count] = null;
                return machine;
            }
        }

        return new FlowMachine(_flow, _logger);
    }

    /// <summary>Puts a machine back after its event (or drops it when enough are idle).</summary>
    public void Return(FlowMachine machine)
    {
        lock (_lock)
        {
            if (_count < _idle.Length)
            {
                _idle[_count++] = machine;
            }
        }
    }
}
