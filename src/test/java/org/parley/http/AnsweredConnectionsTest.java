package org.parley.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An answered request lets go of its connection at once, not when the body timeout (30 s by default) would have
 * ended: the body watch held every connection and its buffers for the full timeout, and a client sending 800 cheap
 * requests a second on new connections filled a 614 MB heap (bench/abuse.sh, 2026-12-07).
 */
@QuarkusTest
class AnsweredConnectionsTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    SlowClients slowClients;

    @Test
    void answeredRequestsStopWaitingForTheirBodyWithinATick() throws Exception {
        byte[] body = "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 200; i++) {
            try (Socket socket = new Socket(graphql.getHost(), graphql.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /graphql HTTP/1.1\r\nHost: " + graphql.getHost() + "\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String head = readHead(socket.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
            }
        }
        // the default body timeout is 30 s: only a watch that ends with the request gets to zero this soon
        await("every answered request's body watch ended").atMost(Duration.ofSeconds(10))
                .until(() -> slowClients.bodiesAwaited() == 0);
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
