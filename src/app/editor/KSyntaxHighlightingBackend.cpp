// KSyntaxHighlighting backend. Compiled only when the build found
// KF6SyntaxHighlighting; the file is empty otherwise.

#include "KSyntaxHighlightingBackend.h"
#include "PaletteTone.h"

#ifdef SCHEMADESK_HAVE_KSYNTAXHIGHLIGHTING

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace sd::app {

namespace {

// The repository must outlive the highlighter that uses its definitions:
// as the first base it is built before and destroyed after it.
struct RepositoryHolder
{
    KSyntaxHighlighting::Repository repository;
};

class OwningHighlighter : private RepositoryHolder, public KSyntaxHighlighting::SyntaxHighlighter
{
public:
    OwningHighlighter(QTextDocument *document)
        : KSyntaxHighlighting::SyntaxHighlighter(document)
    {
    }
    KSyntaxHighlighting::Repository &repo() { return repository; }
};

QString definitionName(SyntaxHighlighting::Language language)
{
    switch (language) {
    case SyntaxHighlighting::Language::Yaml:
        return QStringLiteral("YAML");
    case SyntaxHighlighting::Language::SqlPostgres:
        return QStringLiteral("SQL (PostgreSQL)");
    case SyntaxHighlighting::Language::SqlSqlite:
        return QStringLiteral("SQL");
    case SyntaxHighlighting::Language::None:
        break;
    }
    return {};
}

} // namespace

std::unique_ptr<QSyntaxHighlighter> KSyntaxHighlightingBackend::create(SyntaxHighlighting::Language language,
                                                                       QTextDocument *document, const QPalette &palette)
{
    auto highlighter = std::make_unique<OwningHighlighter>(document);
    const KSyntaxHighlighting::Definition definition = highlighter->repo().definitionForName(definitionName(language));
    if (!definition.isValid())
        return {};
    const bool dark = PaletteTone::isDark(palette);
    highlighter->setTheme(highlighter->repo().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                                : KSyntaxHighlighting::Repository::LightTheme));
    highlighter->setDefinition(definition);
    return highlighter;
}

} // namespace sd::app

#endif
