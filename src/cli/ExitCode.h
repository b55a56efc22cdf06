#pragma once
// Exit codes of DESIGN.md section 7.

#include "Error.h"

namespace sd::cli {

enum ExitCode : int {
    Success = 0,
    DifferencesFound = 1, // diff, check, validate: work to do
    BadInput = 2,         // usage or an input file
    DatabaseError = 3,    // connection or database
    MigrationFailed = 4,  // a migration failed and was rolled back
};

inline int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case Error::Code::Connection:
    case Error::Code::Database:
        return DatabaseError;
    case Error::Code::Migration:
        return MigrationFailed;
    case Error::Code::Usage:
    case Error::Code::InvalidInput:
    case Error::Code::Io:
        return BadInput;
    }
    return BadInput;
}

} // namespace sd::cli
