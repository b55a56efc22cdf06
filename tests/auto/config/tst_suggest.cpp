// "Did you mean": edit distances and the closest candidate within reach.

#include "config/Suggest.h"

#include <QTest>

using namespace sd;

class tst_Suggest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editDistance_data();
    void editDistance();
    void closestMatch_data();
    void closestMatch();
};

void tst_Suggest::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::newRow("equal") << "bigint" << "bigint" << 0;
    QTest::newRow("case is ignored") << "BigInt" << "bigint" << 0;
    QTest::newRow("transposition counts once") << "bigitn" << "bigint" << 1;
    QTest::newRow("missing letter") << "nulable" << "nullable" << 1;
    QTest::newRow("extra letter") << "indexess" << "indexes" << 1;
    QTest::newRow("substitution") << "tezt" << "text" << 1;
    QTest::newRow("empty against word") << "" << "abc" << 3;
    QTest::newRow("unrelated") << "colour" << "type" << 6;
}

void tst_Suggest::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(sd::editDistance(a, b), distance);
    QCOMPARE(sd::editDistance(b, a), distance);
}

void tst_Suggest::closestMatch_data()
{
    const QStringList columnKeys = {"name", "type", "primary_key", "autoincrement", "nullable", "default",
                                    "generated", "renamed_from", "comment"};
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<QString>("expected");
    QTest::newRow("typo") << "nulable" << columnKeys << "nullable";
    QTest::newRow("transposed letters") << "bigitn" << QStringList{"smallint", "integer", "bigint"} << "bigint";
    QTest::newRow("different case") << "Nullable" << columnKeys << "nullable";
    QTest::newRow("cut short") << "postgres" << QStringList{"postgresql", "sqlite"} << "postgresql";
    QTest::newRow("too far") << "colour" << columnKeys << "";
    QTest::newRow("short word, one edit") << "typ" << columnKeys << "type";
    QTest::newRow("exact match is no suggestion") << "name" << columnKeys << "";
    QTest::newRow("no candidates") << "name" << QStringList() << "";
    QTest::newRow("empty word") << "" << columnKeys << "";
    QTest::newRow("earlier candidate wins a tie") << "ab" << QStringList{"ac", "ad"} << "ac";
}

void tst_Suggest::closestMatch()
{
    QFETCH(QString, word);
    QFETCH(QStringList, candidates);
    QFETCH(QString, expected);
    QCOMPARE(sd::closestMatch(word, candidates), expected);
}

QTEST_GUILESS_MAIN(tst_Suggest)
#include "tst_suggest.moc"
