namespace CallCenter.Store;

/// <summary>One step of the schema: the SQL that takes the database from version <c>Version - 1</c> to <see cref="Version"/>.</summary>
/// <param name="Version">The schema version after this step; steps are numbered 1, 2, 3, … with no gaps.</param>
/// <param name="Sql">Statements run inside the migration's transaction.</param>
internal sealed record Migration(int Version, string Sql);
