package org.parley.http;

/**
 * A plain HTTP route onto one GraphQL mutation, for scripts that do not speak GraphQL ({@code POST /intake}): the JSON
 * body is the mutation's {@code input} variable, and the answer is what the mutation's payload holds under
 * {@code result}, encoded by the same execution as any GraphQL answer. The request goes through everything a
 * {@code /graphql} request does (body limit, admission control, request deadline, roles); refusals and errors are
 * answered with an HTTP status and the body of a GraphQL error ({@code errors[].extensions.code}), user errors of the
 * payload included.
 *
 * @param path the route, e.g. {@code /intake}
 * @param document the operation: one mutation with a variable {@code $input}
 * @param field the mutation's field in {@code data}, e.g. {@code proposeFromArticle}
 * @param result the payload's field answered on success, e.g. {@code intake}
 */
public record FixedOperation(String path, String document, String field, String result) {
}
