#pragma once
// PostgreSQL's storage parameters of an index (`WITH (fillfactor = 70)`),
// each kept as "name=value", the form pg_class.reloptions holds them in:
// their parts, the names PostgreSQL knows, and how two lists compare.
// Dialect::createIndex() writes them as SQL, SchemaWriter as YAML.

#include <QStringList>

#include <optional>

namespace sd {

class StorageParameters
{
public:
    // "name=value"; the name in lower case, as the server keeps it.
    static QString join(const QString &name, const QString &value);
    static QString name(const QString &parameter);
    static QString value(const QString &parameter);

    // The names PostgreSQL 15 knows for an index of `method` (empty: btree),
    // or std::nullopt for a method of an extension, whose names only the
    // server can check.
    static std::optional<QStringList> knownNames(const QString &method);

    // The same parameters, in any order, a boolean written either way
    // (`off` = `false`, `on` = `true`, as the server reads them).
    static bool same(const QStringList &a, const QStringList &b);
};

} // namespace sd
