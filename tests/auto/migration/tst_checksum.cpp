// Checksums of migration files: SHA-256 of the bytes with line endings
// normalised, so a CRLF checkout of the same file is not a change.

#include "migration/Checksum.h"

#include <QTest>

using namespace sd;

class tst_Checksum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownDigest_data();
    void knownDigest();
    void normalize_data();
    void normalize();
    void lineEndingsDoNotMatter_data();
    void lineEndingsDoNotMatter();
    void contentChangeMatters();
};

void tst_Checksum::knownDigest_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("digest");
    QTest::newRow("empty file") << QByteArray()
                                << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("one LF line") << QByteArray("abc\n")
                                 << QStringLiteral("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb");
    QTest::newRow("one CRLF line hashes as LF") << QByteArray("abc\r\n")
                                                << QStringLiteral("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb");
}

void tst_Checksum::knownDigest()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, digest);
    QCOMPARE(Checksum::of(bytes), digest);
}

void tst_Checksum::normalize_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("LF unchanged") << QByteArray("a\nb\n") << QByteArray("a\nb\n");
    QTest::newRow("CRLF") << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n");
    QTest::newRow("lone CR") << QByteArray("a\rb\r") << QByteArray("a\nb\n");
    QTest::newRow("mixed") << QByteArray("a\r\nb\rc\n") << QByteArray("a\nb\nc\n");
    QTest::newRow("CR CR LF is two lines") << QByteArray("a\r\r\n") << QByteArray("a\n\n");
    QTest::newRow("trailing CR") << QByteArray("a\r") << QByteArray("a\n");
    QTest::newRow("no line end") << QByteArray("abc") << QByteArray("abc");
}

void tst_Checksum::normalize()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(Checksum::normalizeLineEndings(input), expected);
}

void tst_Checksum::lineEndingsDoNotMatter_data()
{
    QTest::addColumn<QByteArray>("other");
    const QByteArray lf = "revision: 4c1f0e9a2b7d\ndown_revision: null\nupgrade: []\n";
    QTest::newRow("CRLF checkout") << QByteArray(lf).replace("\n", "\r\n");
    QTest::newRow("old Mac CR") << QByteArray(lf).replace("\n", "\r");
}

void tst_Checksum::lineEndingsDoNotMatter()
{
    QFETCH(QByteArray, other);
    const QByteArray lf = "revision: 4c1f0e9a2b7d\ndown_revision: null\nupgrade: []\n";
    QCOMPARE(Checksum::of(other), Checksum::of(lf));
    QCOMPARE(Checksum::of(lf).size(), 64);
}

void tst_Checksum::contentChangeMatters()
{
    const QByteArray a = "upgrade:\n  - sql: \"SELECT 1\"\n";
    const QByteArray b = "upgrade:\n  - sql: \"SELECT 2\"\n";
    QVERIFY(Checksum::of(a) != Checksum::of(b));
    // A trailing blank line is a change too: only line endings are normalised.
    QVERIFY(Checksum::of(a) != Checksum::of(a + "\n"));
}

QTEST_GUILESS_MAIN(tst_Checksum)
#include "tst_checksum.moc"
