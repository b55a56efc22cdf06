#pragma once
// Errors a user can cause travel as values (Result<T>) to the edge, where the
// CLI or the app shows them as one clear message.

#include <QList>
#include <QString>

#include <expected>

namespace sd {

struct Error
{
    enum class Code {
        Usage,        // bad command line or arguments
        InvalidInput, // a file the user wrote (YAML, schema, project) is wrong
        Connection,   // the server could not be reached or refused us
        Database,     // a statement failed on the server
        Io,           // a file could not be read or written
        Migration,    // a revision's statement failed; the revision was rolled back
    };

    Code code = Code::InvalidInput;
    QString message;
    // Where: a file position ...
    QString file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    // ... or a server and the statement it refused.
    QString server;
    QString statement;

    static Error input(QString message, QString file = {}, int line = 0, int column = 0);
    static Error io(QString message, QString file = {});
    static Error connection(QString server, QString message);
    static Error database(QString server, QString message, QString statement = {});
    static Error usage(QString message);
    // `revision` failed at `statement`; the server said `message`.
    static Error migration(QString server, QString revision, QString message, QString statement);

    QString revision; // Migration errors: the revision that failed
    // Migration errors: statements of the revision that ran outside its
    // transaction stayed committed (the rest was rolled back).
    bool partial = false;

    // "config/schema.yaml:14:9: unknown type ..." or
    // "postgresql://127.0.0.1:5432/app: permission denied ... (statement: SELECT ...)"
    QString toString() const;

    bool operator==(const Error &) const = default;
};

using Errors = QList<Error>;

template<typename T>
using Result = std::expected<T, Error>;

// A result that gathers every error it finds (a YAML file with three typos
// reports three errors).
template<typename T>
using MultiResult = std::expected<T, Errors>;

QString joinErrors(const Errors &errors);

} // namespace sd
