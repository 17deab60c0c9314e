namespace CallCenter.Store;

/// <summary>
/// Every schema step, oldest first. A released step is never edited: change the schema by adding
/// a step, so a database written by any earlier release can be brought forward at open.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new Migration(1, """
            CREATE TABLE callbacks (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                original_arrival INTEGER NOT NULL,
                queue            TEXT    NOT NULL,
                priority         INTEGER NOT NULL,
                number           TEXT    NOT NULL,
                caller_name      TEXT,
                ticket_id        TEXT,
                call_id          TEXT,
                due_at           INTEGER NOT NULL,
                status           INTEGER NOT NULL,
                attempts         INTEGER NOT NULL DEFAULT 0,
                closed_at        INTEGER,
                closed_reason    TEXT
            );
            CREATE INDEX callbacks_pending_order ON callbacks (status, queue, priority DESC, original_arrival, id);
            CREATE INDEX callbacks_number ON callbacks (number, status);

            CREATE TABLE callback_attempts (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                callback_id INTEGER NOT NULL REFERENCES callbacks (id),
                at          INTEGER NOT NULL,
                result      INTEGER NOT NULL
            );
            CREATE INDEX callback_attempts_by_callback ON callback_attempts (callback_id, at, id);

            CREATE TABLE agent_state_log (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                at        INTEGER NOT NULL,
                extension TEXT    NOT NULL,
                state     TEXT    NOT NULL,
                reason    TEXT
            );
            CREATE INDEX agent_state_log_by_agent ON agent_state_log (extension, at, id);
            """),

        // A callback keeps the skills its caller's contact needed (without them, one from the implicit default queue
        // would be offered to any agent after a restart) and when it was asked for. Rows from version 1 have neither:
        // NULL requirements mean the queue's own, as version 1 behaved; the request time is unknown for them.
        new Migration(2, """
            ALTER TABLE callbacks ADD COLUMN requested_at INTEGER;
            ALTER TABLE callbacks ADD COLUMN requirements TEXT CHECK (requirements IS NULL OR json_valid(requirements));
            """),
    ];

    /// <summary>The version a database has after every step has run.</summary>
    public static int Latest => All[^1].Version;
}
