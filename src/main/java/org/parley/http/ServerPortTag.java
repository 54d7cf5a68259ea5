package org.parley.http;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Drops the {@code server.port} tag from the HTTP server meters. Quarkus tags a server's meters with its port only when
 * the port is configured above 0; with two servers (the API and the management interface) of which one takes a
 * random port (the integration tests, a deployment with port 0), the same meter then comes with and without the tag,
 * Prometheus' registry refuses the second, and the server whose meters were refused never finished starting: the
 * packaged application hung. The meters keep their other tags; the management interface's requests stay apart by
 * their URIs.
 */
@Singleton
public class ServerPortTag {

    @Produces
    @Singleton
    MeterFilter dropServerPort() {
        return MeterFilter.ignoreTags("server.port");
    }
}
