package org.parley.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.SlowClientsProfile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A client that sends its body too slowly gets 408 REQUEST_TIMEOUT and its connection closed; a client that goes away
 * mid-request is one INFO line in the log, never an ERROR or a stack trace (issue 12, item 7).
 */
@QuarkusTest
@TestProfile(SlowClientsProfile.class)
class SlowClientsTest {

    static final Duration HANG_GUARD = Duration.ofMinutes(1);

    @TestHTTPResource("/graphql")
    URI graphql;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        root.addHandler(capture);
    }

    @AfterEach
    void release() {
        root.removeHandler(capture);
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsAnswered408AndTheConnectionClosed() throws Exception {
        try (Socket socket = slowPost()) {
            socket.setSoTimeout((int) HANG_GUARD.toMillis());
            String answer = readAll(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"code\":\"REQUEST_TIMEOUT\""), answer);
        }
        await("the timeout logged").atMost(HANG_GUARD).until(() -> messages().stream().anyMatch(m -> m.startsWith("Request body not received")));
        assertNoErrors();
    }

    @Test
    void aClientThatGoesAwayMidBodyIsLoggedAtInfoWithoutAStackTrace() throws Exception {
        Socket socket = slowPost();
        Thread.sleep(200); // the request reaches its route and waits for the body
        socket.setSoLinger(true, 0); // a reset, as a client killed mid-upload
        socket.close();
        await("the disconnect logged").atMost(HANG_GUARD).until(() -> messages().stream().anyMatch(m -> m.startsWith("The client closed")));
        for (LogRecord record : logged) {
            if (String.valueOf(record.getMessage()).startsWith("The client closed")) {
                assertEquals(Level.INFO, record.getLevel());
                assertNull(record.getThrown(), "no stack trace");
            }
        }
        assertNoErrors();
    }

    /** A POST whose body is announced as 100 bytes, of which 20 are sent. */
    private Socket slowPost() throws IOException {
        Socket socket = new Socket(graphql.getHost(), graphql.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: " + graphql.getHost() + ":" + graphql.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\": \"{ __typen")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String readAll(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketException reset) {
            // closed by the server after its answer
        }
        return text.toString();
    }

    private List<String> messages() {
        return logged.stream().map(record -> String.valueOf(record.getMessage())).toList();
    }

    private void assertNoErrors() {
        for (LogRecord record : logged) {
            assertTrue(record.getLevel().intValue() < Level.SEVERE.intValue(),
                    "no ERROR: " + record.getLoggerName() + " " + record.getMessage());
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                assertNull(record.getThrown(), "no stack trace: " + record.getLoggerName() + " " + record.getMessage());
            }
        }
    }
}
