// generate_schema N [--dialect sqlite|postgresql] [-o DIR]: writes the
// generated N-table schema as DIR/schema.yaml and DIR/schema.<dialect>.sql.

#include "SchemaGenerator.h"
#include "config/SchemaWriter.h"
#include "dialect/Dialect.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes an N-table schema (about 15 columns per table, "
                                                    "indexes, foreign keys, checks) as YAML and SQL."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("N"), QStringLiteral("number of tables"));
    const QCommandLineOption dialect(QStringLiteral("dialect"), QStringLiteral("sqlite or postgresql"), QStringLiteral("D"),
                                     QStringLiteral("sqlite"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("directory"),
                                    QStringLiteral("DIR"), QStringLiteral("."));
    parser.addOptions({dialect, output});
    parser.process(app);
    bool ok = false;
    const int n = parser.positionalArguments().value(0).toInt(&ok);
    const auto kind = sd::dialectFromKey(parser.value(dialect));
    if (!ok || n <= 0 || !kind) {
        std::fprintf(stderr, "usage: generate_schema N [--dialect sqlite|postgresql] [-o DIR]\n");
        return 2;
    }
    const sd::Schema schema = sd::testing::generateSchema(n);
    QDir().mkpath(parser.value(output));
    const QDir dir(parser.value(output));
    auto written = sd::SchemaWriter::writeFile(schema, dir.filePath(QStringLiteral("schema.yaml")));
    if (!written) {
        std::fprintf(stderr, "%s\n", qPrintable(written.error().toString()));
        return 2;
    }
    QFile sql(dir.filePath(QStringLiteral("schema.%1.sql").arg(sd::dialectKey(*kind))));
    if (!sql.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(sql.fileName()));
        return 2;
    }
    for (const QString &statement : sd::Dialect::get(*kind).createSchema(schema))
        sql.write((statement + QStringLiteral(";\n")).toUtf8());
    std::printf("wrote %s and %s\n", qPrintable(dir.filePath(QStringLiteral("schema.yaml"))), qPrintable(sql.fileName()));
    return 0;
}
