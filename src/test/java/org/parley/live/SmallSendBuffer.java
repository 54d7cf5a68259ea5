package org.parley.live;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Under a test profile that sets {@code parley.test.http-send-buffer}, the HTTP server's sockets get that SO_SNDBUF
 * (fixed, not grown by the kernel up to megabytes): a client that stops reading then fills the server's own write
 * queue after a few kilobytes. Without the setting (every other test), nothing changes.
 */
@ApplicationScoped
public class SmallSendBuffer implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        ConfigProvider.getConfig().getOptionalValue("parley.test.http-send-buffer", Integer.class)
                .ifPresent(options::setSendBufferSize);
    }
}
