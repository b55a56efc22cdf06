// ColumnType: portable names and their synonyms, spelling back.

#include "model/ColumnType.h"

#include <QTest>

using namespace sd;

class tst_ColumnType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsePortable_data()
    {
        QTest::addColumn<QString>("spelling");
        QTest::addColumn<QString>("canonical"); // empty: not portable

        QTest::newRow("bigint") << "bigint" << "bigint";
        QTest::newRow("int8 is bigint") << "int8" << "bigint";
        QTest::newRow("upper case INTEGER") << "INTEGER" << "integer";
        QTest::newRow("int4 is integer") << "int4" << "integer";
        QTest::newRow("int2 is smallint") << "int2" << "smallint";
        QTest::newRow("bool") << "bool" << "boolean";
        QTest::newRow("float8 is double") << "float8" << "double";
        QTest::newRow("double precision") << "double precision" << "double";
        QTest::newRow("character varying(20)") << "character varying(20)" << "varchar(20)";
        QTest::newRow("VARCHAR ( 20 ) spaced") << "VARCHAR ( 20 )" << "varchar(20)";
        QTest::newRow("character(2)") << "character(2)" << "char(2)";
        QTest::newRow("bpchar(2)") << "bpchar(2)" << "char(2)";
        QTest::newRow("numeric(10,2)") << "numeric(10,2)" << "numeric(10,2)";
        QTest::newRow("decimal(10, 2)") << "decimal(10, 2)" << "numeric(10,2)";
        QTest::newRow("numeric(10) has scale 0") << "numeric(10)" << "numeric(10,0)";
        QTest::newRow("bare numeric") << "numeric" << "numeric";
        QTest::newRow("timestamp without time zone") << "timestamp without time zone" << "timestamp";
        QTest::newRow("timestamp with time zone") << "timestamp with time zone" << "timestamptz";
        QTest::newRow("time without time zone") << "time without time zone" << "time";
        QTest::newRow("bytea is blob") << "bytea" << "blob";
        QTest::newRow("jsonb is json") << "jsonb" << "json";
        QTest::newRow("uuid") << "uuid" << "uuid";
        QTest::newRow("varchar without length") << "varchar" << "";
        QTest::newRow("typo bigitn") << "bigitn" << "";
        QTest::newRow("tsvector") << "tsvector" << "";
        QTest::newRow("timestamp(3) keeps precision natively") << "timestamp(3) without time zone" << "";
        QTest::newRow("varchar with two arguments") << "varchar(1,2)" << "";
        QTest::newRow("empty") << "" << "";
    }

    void parsePortable()
    {
        QFETCH(QString, spelling);
        QFETCH(QString, canonical);
        const auto type = ColumnType::parsePortable(spelling);
        if (canonical.isEmpty()) {
            QVERIFY2(!type, qPrintable(type ? type->spelling() : QString()));
            return;
        }
        QVERIFY(type);
        QCOMPARE(type->spelling(), canonical);
        // The canonical spelling parses back to the same type.
        QCOMPARE(ColumnType::parsePortable(canonical), type);
    }

    void nativeSpelling()
    {
        const ColumnType t = ColumnType::native({{QStringLiteral("postgresql"), QStringLiteral("tsvector")},
                                                 {QStringLiteral("sqlite"), QStringLiteral("text")}});
        QCOMPARE(t.spelling(DialectKind::PostgreSQL), QStringLiteral("tsvector"));
        QCOMPARE(t.spelling(DialectKind::Sqlite), QStringLiteral("text"));
        QVERIFY(!t.isPortable());
    }
};

QTEST_GUILESS_MAIN(tst_ColumnType)
#include "tst_columntype.moc"
