package org.parley.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an import did, line by line counted; the JSON answer of {@code POST /import} and the mutation's report. */
// Jackson writes it for POST /import by reflection: a native executable needs it registered
@RegisterForReflection
@Type("ImportReport")
@Description("What an import did. An import is all or nothing: when any line is rejected, nothing is written and"
        + " the counts say what the accepted lines would have done.")
public class ImportReport {

    /** At most this many rejections are listed; {@link #rejected} counts them all. */
    static final int LISTED_REJECTIONS = 100;

    @Description("True when the import was written; false when a line was rejected and nothing was written.")
    public boolean committed;

    @Description("Lines read, blank lines left out.")
    public int lines;

    @Description("Records that were not in the database.")
    public int created;

    @Description("Records that were in the database with other values.")
    public int updated;

    @Description("Records that were in the database with the same values: importing a file twice changes nothing.")
    public int unchanged;

    @Description("Lines rejected.")
    public int rejected;

    @NonNull
    @Description("The rejected lines in line order, with their reasons (the first " + LISTED_REJECTIONS + ").")
    public List<@NonNull ImportRejection> rejections = new ArrayList<>();

    void count(Outcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    void reject(int line, ImportRejectionReason reason, String message) {
        rejected++;
        rejections.add(new ImportRejection(line, reason, message));
        // keep the earliest lines: rejections found at the end of the file may come before others
        if (rejections.size() > LISTED_REJECTIONS) {
            rejections.sort(Comparator.comparingInt(r -> r.line));
            rejections.remove(rejections.size() - 1);
        }
    }

    void sortRejections() {
        rejections.sort(Comparator.comparingInt(r -> r.line));
    }

    /** True when no line was rejected: the import may commit. */
    @Ignore
    @JsonIgnore
    public boolean accepted() {
        return rejected == 0;
    }

    /** What a line did to its record. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
