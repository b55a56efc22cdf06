// SqlExpression: the keys under which a server's spelling of an expression
// equals the user's, and defaults as servers report them.

#include "dialect/SqlExpression.h"
#include "dialect/SqlLexer.h"

#include <QTest>

using namespace sd;

Q_DECLARE_METATYPE(sd::DefaultValue)

class tst_SqlExpression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameKey_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("reported");
        QTest::addColumn<bool>("same");

        QTest::newRow("postgres check with casts") << "email <> ''" << "((email)::text <> ''::text)" << true;
        QTest::newRow("case and spacing") << "LENGTH(name) > 0" << "(length(name) > 0)" << true;
        QTest::newRow("quoted simple name") << "\"price\" >= 0" << "price >= 0" << true;
        QTest::newRow("quoted mixed-case name stays quoted") << "\"Price\" >= 0" << "price >= 0" << false;
        QTest::newRow("in list as any array")
            << "status IN ('new', 'paid')"
            << "((status)::text = ANY ((ARRAY['new'::character varying, 'paid'::character varying])::text[]))" << true;
        QTest::newRow("not in as all array")
            << "status NOT IN ('x')" << "((status)::text <> ALL ((ARRAY['x'::character varying])::text[]))" << true;
        QTest::newRow("between") << "qty BETWEEN 1 AND 5" << "((qty >= 1) AND (qty <= 5))" << true;
        QTest::newRow("now and current_timestamp") << "now()" << "CURRENT_TIMESTAMP" << true;
        QTest::newRow("like as tilde") << "name LIKE 'a%'" << "((name)::text ~~ 'a%'::text)" << true;
        QTest::newRow("not equal spellings") << "a != b" << "a <> b" << true;
        QTest::newRow("numeric cast of literal") << "price >= 0" << "(price >= (0)::numeric)" << true;
        QTest::newRow("comment ignored") << "a > 0 -- positive" << "a > 0" << true;
        QTest::newRow("different constant") << "a > 0" << "a > 1" << false;
        QTest::newRow("different operator") << "a > 0" << "a >= 0" << false;
        QTest::newRow("string case kept") << "kind = 'A'" << "kind = 'a'" << false;
        QTest::newRow("function call parens kept") << "lower(email)" << "lower((email)::text)" << true;
    }

    void sameKey()
    {
        QFETCH(QString, written);
        QFETCH(QString, reported);
        QFETCH(bool, same);
        const QString a = SqlExpression::comparisonKey(written);
        const QString b = SqlExpression::comparisonKey(reported);
        QVERIFY2((a == b) == same, qPrintable(QStringLiteral("'%1' vs '%2'").arg(a, b)));
    }

    void defaultFromSql_data()
    {
        QTest::addColumn<QString>("reported");
        QTest::addColumn<DefaultValue>("expected");

        QTest::newRow("varchar literal with cast") << "'abc'::character varying" << DefaultValue::string(QStringLiteral("abc"));
        QTest::newRow("quote inside") << "'it''s'::text" << DefaultValue::string(QStringLiteral("it's"));
        QTest::newRow("escape string") << "E'a\\nb'" << DefaultValue::string(QStringLiteral("a\nb"));
        QTest::newRow("integer") << "42" << DefaultValue::number(QStringLiteral("42"));
        QTest::newRow("negative in parens") << "(-1)" << DefaultValue::number(QStringLiteral("-1"));
        QTest::newRow("decimal") << "0.50" << DefaultValue::number(QStringLiteral("0.50"));
        QTest::newRow("boolean") << "true" << DefaultValue::boolean(true);
        QTest::newRow("sqlite TRUE") << "TRUE" << DefaultValue::boolean(true);
        QTest::newRow("null with cast") << "NULL::character varying" << DefaultValue::null();
        QTest::newRow("enum literal") << "'G'::mpaa_rating" << DefaultValue::string(QStringLiteral("G"));
        QTest::newRow("json literal") << "'{}'::jsonb" << DefaultValue::string(QStringLiteral("{}"));
        QTest::newRow("now()") << "now()" << DefaultValue::expression(QStringLiteral("now()"));
        QTest::newRow("CURRENT_TIMESTAMP") << "CURRENT_TIMESTAMP" << DefaultValue::expression(QStringLiteral("CURRENT_TIMESTAMP"));
        QTest::newRow("sqlite parenthesised expression")
            << "(lower('X'))" << DefaultValue::expression(QStringLiteral("lower('X')"));
        QTest::newRow("empty") << "" << DefaultValue{};
    }

    void defaultFromSql()
    {
        QFETCH(QString, reported);
        QFETCH(DefaultValue, expected);
        const DefaultValue actual = SqlExpression::defaultFromSql(reported);
        QCOMPARE(int(actual.kind), int(expected.kind));
        QCOMPARE(actual.text, expected.text);
    }

    void lexerKeepsLiteralsWhole()
    {
        bool complete = false;
        const auto tokens = SqlLexer::tokenize(QStringLiteral("CHECK (a = 'x, )' AND \"b c\" > $$d;$$) -- tail"), false, &complete);
        QVERIFY(complete);
        QStringList texts;
        for (const auto &t : tokens)
            texts << t.text;
        QCOMPARE(texts, (QStringList{QStringLiteral("CHECK"), QStringLiteral("("), QStringLiteral("a"), QStringLiteral("="),
                                     QStringLiteral("'x, )'"), QStringLiteral("AND"), QStringLiteral("b c"),
                                     QStringLiteral(">"), QStringLiteral("$$d;$$"), QStringLiteral(")")}));
        SqlLexer::tokenize(QStringLiteral("'unterminated"), false, &complete);
        QVERIFY(!complete);
    }
};

QTEST_GUILESS_MAIN(tst_SqlExpression)
#include "tst_sqlexpression.moc"
