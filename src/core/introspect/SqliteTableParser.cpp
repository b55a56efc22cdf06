#include "SqliteTableParser.h"

#include "SqliteTokenCursor_p.h"

namespace sd {

namespace {

class Parser : public SqliteTokenCursor
{
    Q_DECLARE_TR_FUNCTIONS(SqliteIntrospector)

public:
    using SqliteTokenCursor::SqliteTokenCursor;

    bool parseTable(SqliteTableDefinition &table);
    bool parseIndex(SqliteIndexDefinition &index);

private:
    bool columnDefinition(SqliteTableDefinition &table);
    bool tableConstraints(SqliteTableDefinition &table);
    bool startsColumnConstraint() const;
    bool conflictClause();
    bool skipDefault();
    bool referencesClause(ForeignKey &fk);
    bool referentialAction(ReferentialAction *action);
    bool nameList(QStringList *names);
    bool indexedColumns(QStringList *names, bool *autoincrement);
};

bool Parser::parseTable(SqliteTableDefinition &table)
{
    if (!m_complete)
        return failAt(m_end, tr("unterminated string, quoted name or comment"));
    if (!expectWord("create"))
        return false;
    if (!acceptWord("temp"))
        acceptWord("temporary");
    if (!expectWord("table"))
        return false;
    if (acceptWord("if") && !(expectWord("not") && expectWord("exists")))
        return false;
    if (!qualifiedName(&table.schema, &table.name, tr("a table name")))
        return false;
    m_objectName = table.name;
    if (!isKind(Kind::LeftParen))
        return fail(tr("expected '(' and the column definitions"));
    const int open = m_pos;
    const int close = closingParen(open);
    if (close < 0)
        return false;

    const int statementEnd = m_end;
    bool inConstraints = false;
    for (const auto &[first, end] : splitAtCommas(open + 1, close)) {
        if (first == end)
            return failAt(first, tr("expected a column definition"));
        const SqlToken &t = m_tokens[first];
        inConstraints = inConstraints || t.isWord("constraint") || t.isWord("primary") || t.isWord("unique")
                        || t.isWord("check") || t.isWord("foreign");
        m_pos = first;
        m_end = end;
        const bool ok = inConstraints ? tableConstraints(table) : columnDefinition(table);
        m_end = statementEnd;
        if (!ok)
            return false;
    }

    // Table options: WITHOUT ROWID, STRICT (comma separated).
    m_pos = close + 1;
    while (!atEnd() && !isKind(Kind::Semicolon)) {
        if (acceptWord("without")) {
            if (!expectWord("rowid"))
                return false;
            table.withoutRowid = true;
        } else if (acceptWord("strict")) {
            table.strict = true;
        } else {
            return fail(tr("expected WITHOUT ROWID, STRICT or the end"));
        }
        if (!accept(Kind::Comma))
            break;
    }
    accept(Kind::Semicolon);
    if (!atEnd())
        return fail(tr("expected the end of the statement"));
    return true;
}

bool Parser::startsColumnConstraint() const
{
    static const char *const words[] = {"constraint", "primary", "not",        "null",      "unique", "check",
                                        "default",    "collate", "references", "generated", "as"};
    for (const char *w : words) {
        if (isWord(w))
            return true;
    }
    return false;
}

bool Parser::columnDefinition(SqliteTableDefinition &table)
{
    SqliteColumnDefinition column;
    if (!expectName(&column.name, tr("a column name")))
        return false;
    // The declared type: any words and a parenthesised size, up to the first
    // constraint. The pragmas report it; it is skipped here.
    while (!atEnd() && !startsColumnConstraint()) {
        if (isKind(Kind::LeftParen)) {
            const int close = closingParen(m_pos);
            if (close < 0)
                return false;
            m_pos = close + 1;
        } else {
            ++m_pos;
        }
    }

    QString constraintName;
    while (!atEnd()) {
        if (acceptWord("constraint")) {
            if (!expectName(&constraintName, tr("a constraint name")))
                return false;
            continue;
        }
        if (acceptWord("primary")) {
            if (!expectWord("key"))
                return false;
            column.primaryKey = true;
            table.primaryKey = PrimaryKey{constraintName, {column.name}};
            if (!acceptWord("asc"))
                acceptWord("desc");
            if (!conflictClause())
                return false;
            column.autoincrement = acceptWord("autoincrement");
        } else if (acceptWord("not")) {
            if (!expectWord("null") || !conflictClause())
                return false;
        } else if (acceptWord("null")) {
            if (!conflictClause())
                return false;
        } else if (acceptWord("unique")) {
            UniqueConstraint unique;
            unique.name = constraintName;
            unique.columns = {column.name};
            table.uniqueConstraints.append(unique);
            if (!conflictClause())
                return false;
        } else if (acceptWord("check")) {
            Check check;
            check.name = constraintName;
            if (!parenthesised(&check.expression))
                return false;
            column.checks.append(check);
            table.checks.append(check);
        } else if (acceptWord("default")) {
            if (!skipDefault())
                return false;
        } else if (acceptWord("collate")) {
            if (!expectName(&column.collation, tr("a collation name")))
                return false;
        } else if (acceptWord("references")) {
            ForeignKey fk;
            fk.name = constraintName;
            fk.columns = {column.name};
            if (!referencesClause(fk))
                return false;
            table.foreignKeys.append(fk);
        } else if (isWord("generated") || isWord("as")) {
            if (acceptWord("generated") && !expectWord("always"))
                return false;
            if (!expectWord("as") || !parenthesised(&column.generated))
                return false;
            if (acceptWord("stored"))
                column.generatedStored = true;
            else
                acceptWord("virtual");
        } else {
            return fail(tr("expected a column constraint"));
        }
        constraintName.clear();
    }
    table.columns.append(column);
    return true;
}

bool Parser::tableConstraints(SqliteTableDefinition &table)
{
    // SQLite lets table constraints follow each other without a comma.
    while (!atEnd()) {
        QString name;
        if (acceptWord("constraint") && !expectName(&name, tr("a constraint name")))
            return false;
        if (acceptWord("primary")) {
            bool autoincrement = false;
            QStringList columns;
            if (!expectWord("key") || !indexedColumns(&columns, &autoincrement) || !conflictClause())
                return false;
            table.primaryKey = PrimaryKey{name, columns};
            for (SqliteColumnDefinition &column : table.columns) {
                if (columns.contains(column.name, Qt::CaseInsensitive)) {
                    column.primaryKey = true;
                    column.autoincrement = column.autoincrement || (autoincrement && columns.size() == 1);
                }
            }
        } else if (acceptWord("unique")) {
            UniqueConstraint unique;
            unique.name = name;
            if (!indexedColumns(&unique.columns, nullptr) || !conflictClause())
                return false;
            table.uniqueConstraints.append(unique);
        } else if (acceptWord("check")) {
            Check check;
            check.name = name;
            if (!parenthesised(&check.expression) || !conflictClause())
                return false;
            table.checks.append(check);
        } else if (acceptWord("foreign")) {
            ForeignKey fk;
            fk.name = name;
            if (!expectWord("key") || !nameList(&fk.columns) || !expectWord("references") || !referencesClause(fk))
                return false;
            table.foreignKeys.append(fk);
        } else {
            return fail(tr("expected a table constraint"));
        }
    }
    return true;
}

bool Parser::conflictClause()
{
    if (!(isWord("on") && isWord("conflict", 1)))
        return true;
    m_pos += 2;
    for (const char *w : {"rollback", "abort", "fail", "ignore", "replace"}) {
        if (acceptWord(w))
            return true;
    }
    return fail(tr("expected a conflict resolution"));
}

bool Parser::skipDefault()
{
    if (atEnd())
        return fail(tr("expected a default value"));
    if (isKind(Kind::LeftParen)) {
        const int close = closingParen(m_pos);
        if (close < 0)
            return false;
        m_pos = close + 1;
        return true;
    }
    const SqlToken &t = m_tokens[m_pos];
    if (t.kind == Kind::Operator && (t.text == QLatin1String("-") || t.text == QLatin1String("+"))) {
        ++m_pos;
        if (atEnd())
            return fail(tr("expected a default value"));
    }
    ++m_pos;
    return true;
}

bool Parser::referentialAction(ReferentialAction *action)
{
    if (acceptWord("cascade")) {
        *action = ReferentialAction::Cascade;
    } else if (acceptWord("restrict")) {
        *action = ReferentialAction::Restrict;
    } else if (acceptWord("set")) {
        if (acceptWord("null"))
            *action = ReferentialAction::SetNull;
        else if (expectWord("default"))
            *action = ReferentialAction::SetDefault;
        else
            return false;
    } else if (acceptWord("no")) {
        if (!expectWord("action"))
            return false;
        *action = ReferentialAction::NoAction;
    } else {
        return fail(tr("expected a referential action"));
    }
    return true;
}

bool Parser::referencesClause(ForeignKey &fk)
{
    if (!expectName(&fk.referencedTable, tr("the referenced table")))
        return false;
    if (isKind(Kind::LeftParen) && !nameList(&fk.referencedColumns))
        return false;
    for (;;) {
        if (isWord("on") && !isWord("conflict", 1)) {
            ++m_pos;
            if (acceptWord("delete")) {
                if (!referentialAction(&fk.onDelete))
                    return false;
            } else if (acceptWord("update")) {
                if (!referentialAction(&fk.onUpdate))
                    return false;
            } else {
                return fail(tr("expected DELETE or UPDATE"));
            }
        } else if (acceptWord("match")) {
            QString ignored;
            if (!expectName(&ignored, tr("a match type")))
                return false;
        } else if (isWord("deferrable") || (isWord("not") && isWord("deferrable", 1))) {
            const bool notDeferrable = acceptWord("not");
            ++m_pos;
            bool deferred = false;
            if (acceptWord("initially")) {
                deferred = acceptWord("deferred");
                if (!deferred && !expectWord("immediate"))
                    return false;
            }
            fk.deferrable = !notDeferrable;
            fk.initiallyDeferred = !notDeferrable && deferred;
        } else {
            return true;
        }
    }
}

bool Parser::nameList(QStringList *names)
{
    if (!isKind(Kind::LeftParen))
        return fail(tr("expected '('"));
    const int close = closingParen(m_pos);
    if (close < 0)
        return false;
    ++m_pos;
    for (;;) {
        QString name;
        if (!expectName(&name, tr("a column name")))
            return false;
        names->append(name);
        if (!accept(Kind::Comma))
            break;
    }
    if (m_pos != close)
        return fail(tr("expected ')'"));
    ++m_pos;
    return true;
}

// ( name [COLLATE c] [ASC|DESC] [AUTOINCREMENT], ... ) of PRIMARY KEY and UNIQUE.
bool Parser::indexedColumns(QStringList *names, bool *autoincrement)
{
    if (!isKind(Kind::LeftParen))
        return fail(tr("expected '('"));
    const int close = closingParen(m_pos);
    if (close < 0)
        return false;
    for (const auto &[first, end] : splitAtCommas(m_pos + 1, close)) {
        m_pos = first;
        QString name;
        if (first == end || !expectName(&name, tr("a column name")))
            return failAt(first, tr("expected a column name"));
        names->append(name);
        if (autoincrement && end > first && m_tokens[end - 1].isWord("autoincrement"))
            *autoincrement = true;
    }
    m_pos = close + 1;
    return true;
}

bool Parser::parseIndex(SqliteIndexDefinition &index)
{
    if (!m_complete)
        return failAt(m_end, tr("unterminated string, quoted name or comment"));
    if (!expectWord("create"))
        return false;
    index.unique = acceptWord("unique");
    if (!expectWord("index"))
        return false;
    if (acceptWord("if") && !(expectWord("not") && expectWord("exists")))
        return false;
    if (!qualifiedName(&index.schema, &index.name, tr("an index name")))
        return false;
    m_objectName = index.name;
    if (!expectWord("on") || !expectName(&index.table, tr("a table name")))
        return false;
    if (!isKind(Kind::LeftParen))
        return fail(tr("expected '(' and the indexed columns"));
    const int open = m_pos;
    const int close = closingParen(open);
    if (close < 0)
        return false;
    index.elements = textBetween(open, close);

    index.plainColumns = true;
    for (const auto &[first, end] : splitAtCommas(open + 1, close)) {
        if (first == end)
            return failAt(first, tr("expected an indexed column"));
        m_pos = first;
        const bool plain = isNameToken() && (end - first == 1 || (end - first == 2 && isWord("asc", 1)));
        if (!plain) {
            index.plainColumns = false;
            continue;
        }
        QString name;
        expectName(&name, {});
        index.columns.append(name);
    }
    if (!index.plainColumns)
        index.columns.clear();

    m_pos = close + 1;
    if (acceptWord("where")) {
        const int first = m_pos;
        int last = -1;
        for (; !atEnd() && !isKind(Kind::Semicolon); ++m_pos)
            last = m_pos;
        if (last < 0)
            return fail(tr("expected an expression after WHERE"));
        const int from = m_tokens[first].position;
        index.where = m_sql.mid(from, m_tokens[last].position + m_tokens[last].length - from).trimmed();
    }
    accept(Kind::Semicolon);
    if (!atEnd())
        return fail(tr("expected WHERE or the end of the statement"));
    return true;
}

} // namespace

const SqliteColumnDefinition *SqliteTableDefinition::column(const QString &columnName) const
{
    for (const SqliteColumnDefinition &c : columns) {
        if (c.name.compare(columnName, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

Result<SqliteTableDefinition> SqliteTableParser::parseTable(const QString &sql)
{
    Parser parser(sql);
    SqliteTableDefinition table;
    if (!parser.parseTable(table))
        return std::unexpected(parser.error(true));
    return table;
}

Result<SqliteIndexDefinition> SqliteTableParser::parseIndex(const QString &sql)
{
    Parser parser(sql);
    SqliteIndexDefinition index;
    if (!parser.parseIndex(index))
        return std::unexpected(parser.error(false));
    return index;
}

} // namespace sd
