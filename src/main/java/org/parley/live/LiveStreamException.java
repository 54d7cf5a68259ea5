package org.parley.live;

import org.parley.errors.ClientError;

/** Why a subscription's stream ended early; delivered to the client as a coded error, then {@code complete}. */
abstract class LiveStreamException extends RuntimeException implements ClientError {

    LiveStreamException(String message) {
        super(message, null, false, false);
    }
}
