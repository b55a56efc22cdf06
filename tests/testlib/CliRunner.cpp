#include "CliRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

namespace sd::testing {

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs)
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    process.start(qEnvironmentVariable("SCHEMADESK_CLI"), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.milliseconds = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool copyDemoProject(const QString &directory)
{
    const QString source = qEnvironmentVariable("SCHEMADESK_SOURCE_DIR") + QStringLiteral("/examples/demo");
    QDirIterator it(source, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith(QLatin1String(".db")))
            continue;
        const QString target = directory + QLatin1Char('/') + QDir(source).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target))
            return false;
    }
    return QDir().mkpath(directory + QStringLiteral("/migrations"));
}

} // namespace sd::testing
