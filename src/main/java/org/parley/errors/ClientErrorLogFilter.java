package org.parley.errors;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * SmallRye logs every exception of a resolver at ERROR, client mistakes included. A {@link BadUserInputException} or
 * a refused token is the client's error, answered with a code: it does not belong in the service's error log.
 */
@LoggingFilter(name = "client-errors")
public final class ClientErrorLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof BadUserInputException || t instanceof ClientError
                    || t instanceof io.quarkus.security.UnauthorizedException
                    || t instanceof io.quarkus.security.ForbiddenException
                    || t instanceof io.quarkus.security.AuthenticationFailedException) {
                return false;
            }
        }
        return true;
    }
}
