#pragma once
// "Did you mean ...?": the candidate closest to a misspelt word, by
// Damerau-Levenshtein distance, for error messages.

#include <QString>
#include <QStringList>

namespace sd {

// The edit distance between two words, counting an adjacent transposition
// ("bigitn" / "bigint") as one edit. Case-insensitive.
int editDistance(const QString &a, const QString &b);

// The candidate closest to `word` when it is close enough to be a likely
// typo (about one edit in three characters, at most three), else an empty
// string. On a tie the earlier candidate wins; an exact match is not a
// suggestion and gives an empty string.
QString closestMatch(const QString &word, const QStringList &candidates);

} // namespace sd
