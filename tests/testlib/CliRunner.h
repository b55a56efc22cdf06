#pragma once
// Runs the built schemadesk-cli (path from $SCHEMADESK_CLI) as a process
// and collects its exit code and output.

#include <QProcessEnvironment>
#include <QStringList>

namespace sd::testing {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 milliseconds = 0;
};

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
              int timeoutMs = 60000);

// Copies the demo project (examples/demo) into `directory`.
bool copyDemoProject(const QString &directory);

} // namespace sd::testing
