// StorageParameters: the parts of "name=value", the names each index method
// knows, and when two lists are the same to the server.

#include "model/StorageParameters.h"

#include <QTest>

using namespace sd;

class tst_StorageParameters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parts()
    {
        QCOMPARE(StorageParameters::join(QStringLiteral("FillFactor"), QStringLiteral("70")), QStringLiteral("fillfactor=70"));
        QCOMPARE(StorageParameters::name(QStringLiteral("fillfactor=70")), QStringLiteral("fillfactor"));
        QCOMPARE(StorageParameters::value(QStringLiteral("fillfactor=70")), QStringLiteral("70"));
        // The value keeps any '=' of its own.
        QCOMPARE(StorageParameters::value(QStringLiteral("opt=a=b")), QStringLiteral("a=b"));
    }

    void knownNames_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("known");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("btree by default") << QString() << true << QStringList{"fillfactor", "deduplicate_items"};
        QTest::newRow("BTREE") << QStringLiteral("BTREE") << true << QStringList{"fillfactor", "deduplicate_items"};
        QTest::newRow("hash") << QStringLiteral("hash") << true << QStringList{"fillfactor"};
        QTest::newRow("spgist") << QStringLiteral("spgist") << true << QStringList{"fillfactor"};
        QTest::newRow("gist") << QStringLiteral("gist") << true << QStringList{"fillfactor", "buffering"};
        QTest::newRow("gin") << QStringLiteral("gin") << true << QStringList{"fastupdate", "gin_pending_list_limit"};
        QTest::newRow("brin") << QStringLiteral("brin") << true << QStringList{"pages_per_range", "autosummarize"};
        QTest::newRow("an extension's (pgvector)") << QStringLiteral("hnsw") << false << QStringList();
    }

    void knownNames()
    {
        QFETCH(QString, method);
        QFETCH(bool, known);
        QFETCH(QStringList, names);
        const std::optional<QStringList> result = StorageParameters::knownNames(method);
        QCOMPARE(result.has_value(), known);
        if (known)
            QCOMPARE(*result, names);
    }

    void same_data()
    {
        QTest::addColumn<QStringList>("a");
        QTest::addColumn<QStringList>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("none") << QStringList() << QStringList() << true;
        QTest::newRow("equal") << QStringList{"fillfactor=70"} << QStringList{"fillfactor=70"} << true;
        QTest::newRow("other order") << QStringList{"fillfactor=70", "deduplicate_items=off"}
                                     << QStringList{"deduplicate_items=off", "fillfactor=70"} << true;
        QTest::newRow("off and false") << QStringList{"deduplicate_items=off"} << QStringList{"deduplicate_items=false"} << true;
        QTest::newRow("ON and yes") << QStringList{"fastupdate=ON"} << QStringList{"fastupdate=yes"} << true;
        QTest::newRow("on and off") << QStringList{"fastupdate=on"} << QStringList{"fastupdate=off"} << false;
        QTest::newRow("other value") << QStringList{"fillfactor=70"} << QStringList{"fillfactor=80"} << false;
        QTest::newRow("one more") << QStringList{"fillfactor=70"} << QStringList{"fillfactor=70", "deduplicate_items=off"} << false;
        QTest::newRow("added") << QStringList() << QStringList{"fillfactor=70"} << false;
        // A number is not a boolean: 1 is one, not true.
        QTest::newRow("1 and true") << QStringList{"x=1"} << QStringList{"x=true"} << false;
        QTest::newRow("other name") << QStringList{"fillfactor=70"} << QStringList{"pages_per_range=70"} << false;
    }

    void same()
    {
        QFETCH(QStringList, a);
        QFETCH(QStringList, b);
        QFETCH(bool, same);
        QCOMPARE(StorageParameters::same(a, b), same);
        QCOMPARE(StorageParameters::same(b, a), same);
    }
};

QTEST_GUILESS_MAIN(tst_StorageParameters)
#include "tst_storageparameters.moc"
