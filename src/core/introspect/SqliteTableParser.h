#pragma once
// Reads what SQLite's pragmas leave out of a CREATE TABLE or CREATE INDEX
// statement as sqlite_schema.sql stores it: constraint names, CHECK and
// generated-column expressions, AUTOINCREMENT, DEFERRABLE and partial-index
// predicates. Expressions are the exact text of the statement, trimmed.

#include "Error.h"
#include "model/Schema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sd {

struct SqliteColumnDefinition
{
    QString name;                 // unquoted
    bool primaryKey = false;      // column-level PRIMARY KEY, or named in the table's PRIMARY KEY (...)
    bool autoincrement = false;   // PRIMARY KEY ... AUTOINCREMENT
    QString collation;            // COLLATE name, unquoted; empty if none (BINARY)
    QList<Check> checks;          // column-level CHECKs, in SQL order
    QString generated;            // the expression of GENERATED ALWAYS AS (...) / AS (...)
    bool generatedStored = false; // STORED; VIRTUAL is SQLite's default

    bool operator==(const SqliteColumnDefinition &) const = default;
};

struct SqliteTableDefinition
{
    QString schema; // "main" in CREATE TABLE main.t; usually empty
    QString name;
    QList<SqliteColumnDefinition> columns;
    PrimaryKey primaryKey; // from a column-level or table-level PRIMARY KEY
    // Column-level and table-level constraints together, each in SQL order.
    QList<UniqueConstraint> uniqueConstraints;
    QList<Check> checks;
    QList<ForeignKey> foreignKeys; // actions as written; NO ACTION where none is
    bool withoutRowid = false;
    bool strict = false;

    // Case-insensitive, as SQLite compares column names.
    const SqliteColumnDefinition *column(const QString &name) const;

    bool operator==(const SqliteTableDefinition &) const = default;
};

struct SqliteIndexDefinition
{
    QString schema;
    QString name;
    QString table;
    bool unique = false;
    QString elements;          // exact text between the parentheses, trimmed
    bool plainColumns = false; // every element a bare column name (ASC allowed)
    QStringList columns;       // those names, unquoted; empty unless plainColumns
    QString where;             // partial index predicate, exact text, trimmed

    bool operator==(const SqliteIndexDefinition &) const = default;
};

class SqliteTableParser
{
public:
    // An Error (InvalidInput, naming the table where it got that far) when
    // the text is not a CREATE TABLE / CREATE INDEX statement it can read.
    static Result<SqliteTableDefinition> parseTable(const QString &sql);
    static Result<SqliteIndexDefinition> parseIndex(const QString &sql);
};

} // namespace sd
