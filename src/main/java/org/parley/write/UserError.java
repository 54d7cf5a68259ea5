package org.parley.write;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A problem with a mutation's input that the user can fix, returned in the payload rather than as an error. */
@Type("UserError")
@Description("A problem with a mutation's input that the user can fix. The mutation changed nothing.")
public class UserError {

    @NonNull
    @Description("Path to the input field at fault, e.g. [\"input\", \"name\"]; a list's row is named by its index from 0, before the row's field ([\"input\", \"participants\", \"1\", \"actor\"], [\"input\", \"aliases\", \"2\"]); empty when no single field is.")
    public final List<@NonNull String> field;

    @NonNull
    @Description("What is wrong, for a person to read.")
    public final String message;

    @NonNull
    @Description("What is wrong, for a program to branch on.")
    public final UserErrorCode code;

    public UserError(List<String> field, String message, UserErrorCode code) {
        this.field = field;
        this.message = message;
        this.code = code;
    }

    public static UserError of(UserErrorCode code, String message, String... field) {
        return new UserError(List.of(field), message, code);
    }
}
