package org.parley.bulk;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.quarkus.runtime.annotations.RegisterForReflection;

// Jackson writes it for POST /import by reflection: a native executable needs it registered
@RegisterForReflection
@Type("ImportRejection")
@Description("A rejected line of an import: which one and why.")
public class ImportRejection {

    @Description("Number of the line in the file, from 1.")
    public final int line;

    @NonNull
    @Description("Why it was rejected, for a program to branch on.")
    public final ImportRejectionReason reason;

    @NonNull
    @Description("Why it was rejected, for a person to read; names the field at fault.")
    public final String message;

    public ImportRejection(int line, ImportRejectionReason reason, String message) {
        this.line = line;
        this.reason = reason;
        this.message = message;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason + " " + message;
    }
}
