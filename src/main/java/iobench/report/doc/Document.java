package iobench.report.doc;

import java.util.ArrayList;
import java.util.List;

/** A whole report (report.md, compare.md): its title and its sections, for both writers. */
public record Document(String title, List<Section> sections) {
    public Document {
        sections = List.copyOf(sections);
    }

    /** This document with more sections at its end (merge's segments, a baseline's comparison). */
    public Document with(List<Section> more) {
        List<Section> all = new ArrayList<>(sections);
        all.addAll(more);
        return new Document(title, all);
    }
}
