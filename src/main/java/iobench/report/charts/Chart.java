package iobench.report.charts;

/** A chart file written next to report.md, and what report.md calls it. */
public record Chart(String fileName, String title) {
}
