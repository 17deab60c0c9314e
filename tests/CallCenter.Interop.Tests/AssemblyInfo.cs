// Interop tests start real processes (sipp, baresip, kamailio, sipsak) against an in-process server on a
// 2-core machine; running them one at a time keeps their timing honest and their ports from colliding.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
