using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Timeline.Store.Marten;

/// <summary>
/// The GiST index over the as-of index's intervals and days, on Marten's table of <see cref="MeetingStateDocument"/>:
/// knowledge and system-time intervals as <c>int8range</c>s, the dates as an <c>int4range</c>, so one index answers
/// "holds at (k, r)" and "overlaps the window". A Marten storage feature like <see cref="AuditIndexes"/>, created after
/// the document table, which Marten's own diff is told to leave alone.
/// </summary>
internal sealed class IndexTables(string schema) : FeatureSchemaBase("timeline_index_tables", new PostgresqlMigrator())
{
    /// <summary>The table Marten keeps <see cref="MeetingStateDocument"/>s in (its alias is <see cref="StateAlias"/>).</summary>
    public const string StateTable = "mt_doc_timeline_meeting_state";

    public const string StateAlias = "timeline_meeting_state";

    /// <summary>
    /// The GiST index, over the documents that are not soft-deleted only (every query asks for those): a rebuild
    /// soft-deletes every document and writes them again, so an index over all of them would double with each rebuild
    /// and every query would sift the deleted ones out of it.
    /// </summary>
    public const string StateRangesIndex = "timeline_meeting_state_live_ranges";

    /// <summary>The GiST index before <see cref="StateRangesIndex"/>, over every document, deleted or not; dropped when that one is created.</summary>
    public const string FormerStateRangesIndex = "timeline_meeting_state_ranges";

    /// <summary>The expressions the index is built on, and the queries write.</summary>
    public const string KnowledgeRange = "int8range(reported_from, reported_to)";

    public const string SystemRange = "int8range(recorded_from, recorded_to)";

    public const string DayRange = "int4range(earliest_day, latest_day, '[]')";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        yield return new TableIndex(
            schema, StateTable, StateRangesIndex, $"gist ({KnowledgeRange}, {SystemRange}, {DayRange}) WHERE NOT mt_deleted", replaces: FormerStateRangesIndex);
    }
}
