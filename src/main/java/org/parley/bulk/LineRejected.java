package org.parley.bulk;

/** Ends the processing of one line: the line is reported as rejected, and the import will not commit. */
class LineRejected extends Exception {

    final ImportRejectionReason reason;

    LineRejected(ImportRejectionReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    static LineRejected invalid(String message) {
        return new LineRejected(ImportRejectionReason.INVALID, message);
    }
}
