#include "Suggest.h"

#include <QList>

#include <algorithm>

namespace sd {

int editDistance(const QString &left, const QString &right)
{
    const QString a = left.toLower();
    const QString b = right.toLower();
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Optimal string alignment: three rows of the classic matrix are enough.
    QList<int> before(m + 1), previous(m + 1), current(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = std::min(best, before[j - 2] + 1);
            current[j] = best;
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

QString closestMatch(const QString &word, const QStringList &candidates)
{
    if (word.isEmpty())
        return {};
    const int allowed = std::clamp(int((word.size() + 2) / 3), 1, 3);
    QString best;
    int bestScore = allowed + 1;
    for (const QString &candidate : candidates) {
        if (candidate == word)
            return {};
        int score = editDistance(word, candidate);
        // A word cut short or run on ("postgres" for "postgresql") is close too.
        const QString shorter = word.size() < candidate.size() ? word : candidate;
        const QString longer = word.size() < candidate.size() ? candidate : word;
        if (shorter.size() >= 4 && longer.startsWith(shorter, Qt::CaseInsensitive))
            score = std::min(score, allowed);
        if (score < bestScore) {
            bestScore = score;
            best = candidate;
        }
    }
    return best;
}

} // namespace sd
