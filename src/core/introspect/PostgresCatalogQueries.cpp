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

// The condition that the default `ad` (a pg_attrdef row in scope) is
// nextval() of the sequence whose oid is `seq`. With the sequence owned by
// the column (deptype 'a': serial, or OWNED BY) the column is an
// autoincrement, and the sequence is not listed on its own.
QString defaultIsNextvalOf(const QString &seq)
{
    return QStringLiteral(R"(
        pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) LIKE 'nextval(%'
        AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend dd
                    WHERE dd.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                      AND dd.objid = ad.oid
                      AND dd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                      AND dd.refobjid = %1))")
        .arg(seq);
}

} // namespace

QString tablesQuery()
{
    return QStringLiteral(R"(
        SELECT n.oid::bigint, c.oid::bigint, c.relname::text, c.relkind::text,
               pg_catalog.obj_description(c.oid, 'pg_class'),
               CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END
        FROM pg_catalog.pg_namespace n
        LEFT JOIN pg_catalog.pg_class c
               ON c.relnamespace = n.oid
              AND c.relkind IN ('r', 'p')
              AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.objid = c.oid AND d.deptype = 'e')
        WHERE n.nspname = ?
        ORDER BY c.relname
    )");
}

QString columnsQuery()
{
    return managedTables + QStringLiteral(R"(
        SELECT a.attrelid::bigint, a.attname::text,
               pg_catalog.format_type(a.atttypid, a.atttypmod),
               ty.typtype = 'e' AND ty.typnamespace = t.relnamespace,
               ty.typname::text,
               a.attnotnull, a.attidentity::text, a.attgenerated::text,
               pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
               ad.oid IS NOT NULL AND EXISTS (
                   SELECT 1 FROM pg_catalog.pg_depend ds
                   JOIN pg_catalog.pg_class s ON s.oid = ds.objid AND s.relkind = 'S'
                   WHERE ds.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND ds.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND ds.refobjid = a.attrelid AND ds.refobjsubid = a.attnum
                     AND ds.deptype = 'a'
                     AND )") + defaultIsNextvalOf(QStringLiteral("s.oid")) + QStringLiteral(R"(),
               pg_catalog.col_description(a.attrelid, a.attnum)
        FROM t
        JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
        JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
    )");
}

QString constraintsQuery()
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
               CASE WHEN co.contype = 'x' THEN pg_catalog.pg_get_constraintdef(co.oid) END
        FROM t
        JOIN pg_catalog.pg_constraint co ON co.conrelid = t.oid
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = co.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')
          AND co.conparentid = 0
        ORDER BY co.conrelid, co.conname
    )");
}

QString indexesQuery()
{
    return managedTables + QStringLiteral(R"(
        SELECT i.indrelid::bigint, ic.relname::text, i.indisunique, am.amname::text,
               pg_catalog.pg_get_expr(i.indpred, i.indrelid, true),
               pg_catalog.pg_get_indexdef(i.indexrelid),
               i.indnatts, i.indnkeyatts,
               pg_catalog.to_json(ARRAY(
                   SELECT COALESCE(a.attname::text, '')
                   FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY k(num, ord)
                   LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                   WHERE k.ord <= i.indnkeyatts
                   ORDER BY k.ord))::text,
               NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(i.indoption::pg_catalog.int2[]) o(v) WHERE o.v <> 0),
               t.relname::text
        FROM t
        JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                          WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid
                            AND co.contype IN ('p', 'u', 'x'))
        ORDER BY ic.relname
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
           + defaultIsNextvalOf(QStringLiteral("c.oid")) + QStringLiteral(R"()))
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
