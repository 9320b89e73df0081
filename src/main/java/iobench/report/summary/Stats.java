package iobench.report.summary;

import iobench.analysis.Stat;

/** A stat a file left out has no figure. */
final class Stats {
    private Stats() {
    }

    static Stat of(Stat stat) {
        return stat == null ? Stat.NONE : stat;
    }
}
