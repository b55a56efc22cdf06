#include "PostgresCatalogQueries.h"

// pg_catalog only (information_schema is slow on large catalogs). Every
// query binds the schema name once, as a value. Names come back as text;
// lists of names as JSON arrays, so any character survives.

namespace sd::pgcatalog {

namespace {

// The managed tables of the schema: ordinary and partitioned tables that are
// neither partitions nor members of an extension.
const QString managedTables = QStringLiteral(R"(
    WITH t AS (
        SELECT c.oid, c.relname, c.relnamespace
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ?
          AND c.relkind IN ('r', 'p')
          AND NOT c.relispartition
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                            AND d.objid = c.oid AND d.deptype = 'e'))
)");

// A default is deparsed without its table (pg_get_expr(adbin, 0)): a
// default holds no column reference (CREATE TABLE: "any variable-free
// expression"), and naming the table makes pg_get_expr() look up every
// column of it, call after call, which cost half of the columns query. A
// generated column's expression, in the same catalog, does name columns and
// is deparsed with its table.
//
// The condition that the default `ad` (a pg_attrdef row in scope) is
// nextval() of the sequence whose oid is `seq`. With the sequence owned by
// the column (deptype 'a': serial, or OWNED BY) the column is an
// autoincrement, and the sequence is not listed on its own.
// `relid`: the table to deparse `ad` with, or an expression giving 0 where
// `ad` is a plain default (see above).
QString defaultIsNextvalOf(const QString &seq, const QString &relid)
{
    return QStringLiteral(R"(
        pg_catalog.pg_get_expr(ad.adbin, %2) LIKE 'nextval(%'
        AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend dd
                    WHERE dd.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                      AND dd.objid = ad.oid
                      AND dd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                      AND dd.refobjid = %1))")
        .arg(seq, relid);
}

} // namespace

QString tablesQuery()
{
    return QStringLiteral(R"(
        SELECT n.oid::bigint, c.oid::bigint, c.relname::text, c.relkind::text,
               ds.description,
               CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END
        FROM pg_catalog.pg_namespace n
        LEFT JOIN pg_catalog.pg_class c
               ON c.relnamespace = n.oid
              AND c.relkind IN ('r', 'p')
              AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.objid = c.oid AND d.deptype = 'e')
        LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid AND ds.objsubid = 0
                                              AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
        WHERE n.nspname = ?
        ORDER BY c.relname
    )");
}

QString columnsQuery()
{
    const QString deparseWith = QStringLiteral("CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END");
    return managedTables + QStringLiteral(R"(
        SELECT a.attrelid::bigint, a.attname::text,
               pg_catalog.format_type(a.atttypid, a.atttypmod),
               ty.typtype = 'e' AND ty.typnamespace = t.relnamespace,
               ty.typname::text,
               a.attnotnull, a.attidentity::text, a.attgenerated::text,
               pg_catalog.pg_get_expr(ad.adbin, )") + deparseWith + QStringLiteral(R"(),
               ad.oid IS NOT NULL AND EXISTS (
                   SELECT 1 FROM pg_catalog.pg_depend ds
                   JOIN pg_catalog.pg_class s ON s.oid = ds.objid AND s.relkind = 'S'
                   WHERE ds.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND ds.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND ds.refobjid = a.attrelid AND ds.refobjsubid = a.attnum
                     AND ds.deptype = 'a'
                     AND )") + defaultIsNextvalOf(QStringLiteral("s.oid"), deparseWith) + QStringLiteral(R"(),
               ds.description,
               cl.collname::text
        FROM t
        JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
        JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        -- the column's collation where it is not its type's default
        LEFT JOIN pg_catalog.pg_collation cl ON cl.oid = a.attcollation AND a.attcollation <> ty.typcollation
        -- a join, not col_description(), which runs as a query of its own per column
        LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid AND ds.objsubid = a.attnum
                                              AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
        WHERE a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
    )");
}

namespace {

// pg_index.indnullsnotdistinct, where the server has it (PostgreSQL 15).
QString nullsNotDistinct(int serverVersion, const QString &index)
{
    return serverVersion >= 150000 ? index + QStringLiteral(".indnullsnotdistinct") : QStringLiteral("false");
}

} // namespace

QString constraintsQuery(int serverVersion)
{
    return managedTables + QStringLiteral(R"(
        SELECT co.conrelid::bigint, co.conname::text, co.contype::text,
               co.condeferrable, co.condeferred, co.convalidated,
               pg_catalog.to_json(ARRAY(
                   SELECT a.attname::text
                   FROM pg_catalog.unnest(co.conkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.num
                   ORDER BY k.ord))::text,
               pg_catalog.to_json(ARRAY(
                   SELECT a.attname::text
                   FROM pg_catalog.unnest(co.confkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.num
                   ORDER BY k.ord))::text,
               rc.relname::text,
               CASE WHEN rc.relnamespace <> t.relnamespace THEN rn.nspname::text ELSE '' END,
               co.confdeltype::text, co.confupdtype::text,
               CASE WHEN co.contype = 'c' THEN pg_catalog.pg_get_expr(co.conbin, co.conrelid, true) END,
               CASE WHEN co.contype = 'x' THEN pg_catalog.pg_get_constraintdef(co.oid) END,
               COALESCE()") + nullsNotDistinct(serverVersion, QStringLiteral("ci")) + QStringLiteral(R"(, false)
        FROM t
        JOIN pg_catalog.pg_constraint co ON co.conrelid = t.oid
        LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = co.conindid AND co.contype = 'u'
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = co.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')
          AND co.conparentid = 0
        ORDER BY co.conrelid, co.conname
    )");
}

QString indexesQuery(int serverVersion)
{
    // pg_get_indexdef() costs about 40 us an index, most of what this query
    // took, and says nothing the other columns do not for the common index:
    // plain key columns with their default operator class and collation.
    // It is asked for only where the index may be anything else (`special`
    // and the CASE): INCLUDE columns, expressions, DESC or NULLS FIRST,
    // operator class options, a collation or an operator class other than
    // the key column's default. `defaults` finds that default once per type
    // and access method, as GetDefaultOpClass() does: the AM's default for
    // the type itself, else the one default of a type it is binary-coercible
    // to (a preferred type of its category first: text_ops for varchar);
    // where that is ambiguous, or the column's type one that may match a
    // pseudo-type's default (a domain, enum, range, composite or array:
    // enum_ops, array_ops), the definition is asked for.
    // `keys` also gives the key column names, without a subquery per index.
    return managedTables + QStringLiteral(R"(
    , ix AS (
        SELECT i.indexrelid, i.indrelid, i.indisunique, i.indnatts, i.indnkeyatts, i.indkey, i.indclass,
               i.indcollation, i.indoption, i.indexprs, i.indpred, ic.relname AS indexname, ic.relam,
               ic.reloptions, t.relname AS tablename, )") + nullsNotDistinct(serverVersion, QStringLiteral("i")) + QStringLiteral(R"( AS nullsnotdistinct
        FROM t
        JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                          WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid
                            AND co.contype IN ('p', 'u', 'x')))
    , keys AS (
        SELECT ix.indexrelid, ix.relam, k.ord, k.cls, k.coll, a.attnum, a.attname, a.atttypid, a.attcollation,
               ty.typtype, ty.typcategory
        FROM ix
        CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(ix.indkey::pg_catalog.int2[]),
                                      pg_catalog.unnest(ix.indclass::pg_catalog.oid[]),
                                      pg_catalog.unnest(ix.indcollation::pg_catalog.oid[]))
                           WITH ORDINALITY k(num, cls, coll, ord)
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num
        LEFT JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
        WHERE k.cls IS NOT NULL)
    , defaults AS (
        SELECT p.atttypid, p.relam,
               (SELECT CASE WHEN pg_catalog.count(*) = 1 THEN pg_catalog.min(d.oid) END
                FROM (SELECT oc.oid,
                             pg_catalog.rank() OVER (ORDER BY CASE
                                 WHEN oc.opcintype = p.atttypid THEN 0
                                 WHEN it.typispreferred AND it.typcategory = p.typcategory THEN 1
                                 ELSE 2 END) AS tier
                      FROM pg_catalog.pg_opclass oc
                      JOIN pg_catalog.pg_type it ON it.oid = oc.opcintype
                      WHERE oc.opcmethod = p.relam AND oc.opcdefault
                        AND (oc.opcintype = p.atttypid
                             OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast ca
                                        WHERE ca.castsource = p.atttypid AND ca.casttarget = oc.opcintype
                                          AND ca.castmethod = 'b' AND ca.castcontext = 'i'))) d
                WHERE d.tier = 1) AS opclass
        FROM (SELECT DISTINCT atttypid, typcategory, relam FROM keys WHERE atttypid IS NOT NULL) p)
    , names AS (
        SELECT keys.indexrelid,
               pg_catalog.to_json(pg_catalog.array_agg(COALESCE(keys.attname::text, '') ORDER BY keys.ord))::text AS names
        FROM keys
        GROUP BY keys.indexrelid)
    , special AS (
        SELECT DISTINCT keys.indexrelid
        FROM keys
        LEFT JOIN defaults df ON df.atttypid = keys.atttypid AND df.relam = keys.relam
        -- a domain, enum, range, multirange, composite or array type may also
        -- match a pseudo-type's default (enum_ops, array_ops, ...), which
        -- `defaults` does not see: ask for the definition
        WHERE keys.attnum IS NULL OR keys.typtype IN ('d', 'e', 'r', 'm', 'c') OR keys.typcategory = 'A'
           OR (keys.coll <> 0 AND keys.coll <> keys.attcollation)
           OR keys.cls IS DISTINCT FROM df.opclass)
        SELECT ix.indrelid::bigint, ix.indexname::text, ix.indisunique, am.amname::text,
               pg_catalog.pg_get_expr(ix.indpred, ix.indrelid, true),
               CASE WHEN ix.indnatts > ix.indnkeyatts OR ix.indexprs IS NOT NULL OR sp.indexrelid IS NOT NULL
                         OR NOT od.plain
                         OR EXISTS (SELECT 1 FROM pg_catalog.pg_attribute ia
                                    WHERE ia.attrelid = ix.indexrelid AND ia.attoptions IS NOT NULL)
                    THEN pg_catalog.pg_get_indexdef(ix.indexrelid) END,
               ix.indnatts, ix.indnkeyatts, nm.names, od.plain, ix.tablename::text, ix.nullsnotdistinct,
               pg_catalog.to_json(ix.reloptions)::text
        FROM ix
        JOIN pg_catalog.pg_am am ON am.oid = ix.relam
        JOIN names nm ON nm.indexrelid = ix.indexrelid
        LEFT JOIN special sp ON sp.indexrelid = ix.indexrelid
        CROSS JOIN LATERAL (SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(ix.indoption::pg_catalog.int2[]) o(v)
                                               WHERE o.v <> 0) AS plain) od
        ORDER BY ix.indexname
    )");
}

QString enumsQuery()
{
    return QStringLiteral(R"(
        SELECT t.typname::text,
               pg_catalog.to_json(ARRAY(
                   SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                   WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder))::text
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = ? AND t.typtype = 'e'
        ORDER BY t.typname
    )");
}

QString unmanagedQuery()
{
    // `ext`: objects that belong to an extension; they are listed through
    // the extension, not one by one (extension tables excepted).
    return QStringLiteral(R"(
        WITH s AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?),
        ext AS (SELECT d.classid, d.objid, d.refobjid FROM pg_catalog.pg_depend d
                WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass)
        SELECT kind, name, tbl, def FROM (
            SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                  ELSE 'foreign table' END::text AS kind,
                   c.relname::text AS name, ''::text AS tbl,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true)
                        ELSE (SELECT 'SERVER ' || pg_catalog.quote_ident(fs.srvname)
                              FROM pg_catalog.pg_foreign_table ft
                              JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
                              WHERE ft.ftrelid = c.oid) END::text AS def
            FROM pg_catalog.pg_class c JOIN s ON c.relnamespace = s.oid
            WHERE c.relkind IN ('v', 'm', 'f')
              AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                                  AND ext.objid = c.oid)
          UNION ALL
            SELECT 'sequence', c.relname::text, '',
                   'AS ' || pg_catalog.format_type(sq.seqtypid, NULL)
                   || ' INCREMENT BY ' || sq.seqincrement || ' MINVALUE ' || sq.seqmin
                   || ' MAXVALUE ' || sq.seqmax || ' START WITH ' || sq.seqstart
                   || ' CACHE ' || sq.seqcache || CASE WHEN sq.seqcycle THEN ' CYCLE' ELSE '' END
            FROM pg_catalog.pg_class c JOIN s ON c.relnamespace = s.oid
            JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = c.oid
            WHERE c.relkind = 'S'
              AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                                  AND ext.objid = c.oid)
              AND NOT EXISTS (
                  SELECT 1 FROM pg_catalog.pg_depend ds
                  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = ds.refobjid AND ad.adnum = ds.refobjsubid
                  WHERE ds.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objid = c.oid
                    AND ds.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.refobjsubid > 0
                    AND (ds.deptype = 'i' OR (ds.deptype = 'a' AND ad.oid IS NOT NULL AND )")
           + defaultIsNextvalOf(QStringLiteral("c.oid"), QStringLiteral("ad.adrelid")) + QStringLiteral(R"()))
          UNION ALL
            SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                   p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')', '',
                   CASE WHEN p.prokind = 'a'
                        THEN (SELECT 'SFUNC = ' || ag.aggtransfn::pg_catalog.regproc::text
                                     || ', STYPE = ' || pg_catalog.format_type(ag.aggtranstype, NULL)
                              FROM pg_catalog.pg_aggregate ag WHERE ag.aggfnoid = p.oid)
                        ELSE pg_catalog.pg_get_functiondef(p.oid) END
            FROM pg_catalog.pg_proc p JOIN s ON p.pronamespace = s.oid
            WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                                  AND ext.objid = p.oid)
              -- constructors of range types and the like come with their type
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                AND d.objid = p.oid AND d.deptype = 'i')
          UNION ALL
            SELECT 'trigger', tg.tgname::text, c.relname::text, pg_catalog.pg_get_triggerdef(tg.oid)
            FROM pg_catalog.pg_trigger tg
            JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
            JOIN s ON c.relnamespace = s.oid
            WHERE NOT tg.tgisinternal AND tg.tgparentid = 0
          UNION ALL
            SELECT 'domain', t.typname::text, '',
                   pg_catalog.format_type(t.typbasetype, t.typtypmod)
                   || COALESCE(' DEFAULT ' || t.typdefault, '')
                   || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                   || COALESCE((SELECT pg_catalog.string_agg(' ' || pg_catalog.pg_get_constraintdef(co.oid, true), ''
                                                             ORDER BY co.conname)
                                FROM pg_catalog.pg_constraint co
                                WHERE co.contypid = t.oid AND co.contype = 'c'), '')
            FROM pg_catalog.pg_type t JOIN s ON t.typnamespace = s.oid
            WHERE t.typtype = 'd'
              AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                                                  AND ext.objid = t.oid)
          UNION ALL
            SELECT 'type', t.typname::text, '',
                   CASE WHEN t.typtype = 'r'
                        THEN (SELECT 'RANGE (SUBTYPE = ' || pg_catalog.format_type(r.rngsubtype, NULL) || ')'
                              FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)
                        ELSE '(' || COALESCE((SELECT pg_catalog.string_agg(
                                                  pg_catalog.quote_ident(a.attname) || ' '
                                                  || pg_catalog.format_type(a.atttypid, a.atttypmod),
                                                  ', ' ORDER BY a.attnum)
                                              FROM pg_catalog.pg_attribute a
                                              WHERE a.attrelid = t.typrelid AND a.attnum > 0
                                                AND NOT a.attisdropped), '') || ')' END
            FROM pg_catalog.pg_type t JOIN s ON t.typnamespace = s.oid
            LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
            WHERE ((t.typtype = 'c' AND c.relkind = 'c') OR t.typtype = 'r')
              AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                                                  AND ext.objid = t.oid)
          UNION ALL
            SELECT 'partition', c.relname::text, p.relname::text, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
            FROM pg_catalog.pg_class c JOIN s ON c.relnamespace = s.oid
            JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid
            JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
            WHERE c.relispartition AND c.relkind IN ('r', 'p')
          UNION ALL
            SELECT 'extension', e.extname::text, '', e.extversion
            FROM pg_catalog.pg_extension e
          UNION ALL
            SELECT 'extension table', c.relname::text, '', 'extension ' || e.extname
            FROM pg_catalog.pg_class c JOIN s ON c.relnamespace = s.oid
            JOIN ext ON ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ext.objid = c.oid
            JOIN pg_catalog.pg_extension e ON e.oid = ext.refobjid
            WHERE c.relkind IN ('r', 'p')
        ) u
        ORDER BY kind, name, tbl
    )");
}

} // namespace sd::pgcatalog
