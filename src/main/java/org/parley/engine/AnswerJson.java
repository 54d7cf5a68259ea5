package org.parley.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;

/**
 * graphql-java's specification map of an answer as JSON, the same bytes as Vert.x's {@code Json.encodeToBuffer} and
 * {@code Json.encode} (Jackson with the application's ObjectMapper), written by walking the tree with a streaming
 * generator. The ObjectMapper looks a serializer up for every value of the untyped Map/List tree (in a JFR profile of
 * a list query, Jackson's databind took 14 % of the server's CPU). The walk knows the JDK's and graphql-java's maps
 * and collections, strings, booleans and the JDK's numbers, and writes each with the generator call that Jackson's
 * own serializer for it makes; anything else (a value in an error's or the answer's extensions) is written by
 * Vert.x's codec, so nothing is lost.
 */
final class AnswerJson {

    private static final Logger LOG = Logger.getLogger(AnswerJson.class);

    /** Jackson's defaults, as the ObjectMapper's factory has them (checked by {@link Agreement}). */
    private static final JsonFactory FACTORY = new JsonFactory();

    private AnswerJson() {
    }

    /** {@code Json.encodeToBuffer(specification)}. */
    static Buffer toBuffer(Object specification) {
        return Agreement.AGREES ? walk(specification) : Json.encodeToBuffer(specification);
    }

    /**
     * The ObjectMapper's way (Jackson's recycled blocks, then an array of the exact size), but the array is wrapped,
     * not copied once more into a Vert.x buffer. Measured against writing into a Vert.x buffer: faster than one
     * that grows, about as fast as one allocated at 32 KB for a 25 KB answer, without the unused capacity.
     */
    private static Buffer walk(Object value) {
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
                write(generator, value);
            }
            byte[] json = bytes.toByteArray();
            bytes.release();
            return Buffer.buffer(Unpooled.wrappedBuffer(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /** Whether answers are walked (false: the codec's ObjectMapper writes them, see {@link Agreement}). */
    static boolean walks() {
        return Agreement.AGREES;
    }

    /** {@code Json.encode(specification)}. */
    static String toString(Object specification) {
        if (!Agreement.AGREES) {
            return Json.encode(specification);
        }
        StringWriter text = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            write(generator, specification);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Compares classes first: with instanceof checks against Map, List and Collection first at every value, the walk
     * measured slower than the ObjectMapper (JDK 17).
     */
    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
            return;
        }
        Class<?> type = value.getClass();
        if (type == String.class) {
            generator.writeString((String) value);
        } else if (type == LinkedHashMap.class) {
            writeMap(generator, (Map<?, ?>) value);
        } else if (type == Integer.class) {
            generator.writeNumber(((Integer) value).intValue());
        } else if (type == ArrayList.class) {
            writeList(generator, (List<?>) value);
        } else if (type == Boolean.class) {
            generator.writeBoolean((Boolean) value);
        } else if (type == Long.class) {
            generator.writeNumber(((Long) value).longValue());
        } else if (type == Double.class) {
            generator.writeNumber(((Double) value).doubleValue());
        } else if (type == Float.class) {
            generator.writeNumber(((Float) value).floatValue());
        } else if (type == Short.class) {
            generator.writeNumber(((Short) value).shortValue());
        } else if (type == Byte.class) {
            // Jackson writes a Byte as an int
            generator.writeNumber(((Byte) value).intValue());
        } else if (type == BigDecimal.class) {
            generator.writeNumber((BigDecimal) value);
        } else if (type == BigInteger.class) {
            generator.writeNumber((BigInteger) value);
        } else {
            switch (KINDS.get(type)) {
                case MAP -> writeMap(generator, (Map<?, ?>) value);
                case LIST -> writeList(generator, (List<?>) value);
                case COLLECTION -> writeCollection(generator, (Collection<?>) value);
                default -> writeWithCodec(generator, value);
            }
        }
    }

    private static void writeMap(JsonGenerator generator, Map<?, ?> map) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            generator.writeFieldName(key instanceof String name ? name : keyName(key));
            write(generator, entry.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeList(JsonGenerator generator, List<?> list) throws IOException {
        generator.writeStartArray();
        for (int i = 0, n = list.size(); i < n; i++) {
            write(generator, list.get(i));
        }
        generator.writeEndArray();
    }

    private static void writeCollection(JsonGenerator generator, Collection<?> collection) throws IOException {
        generator.writeStartArray();
        for (Object element : collection) {
            write(generator, element);
        }
        generator.writeEndArray();
    }

    private static void writeWithCodec(JsonGenerator generator, Object value) throws IOException {
        // Serialized alone, then copied in: the codec's ObjectMapper is not reachable through Vert.x's API
        generator.writeRawValue(Json.CODEC.toString(value, false));
    }

    /**
     * A key of another type as Jackson's key serializer for it names the field (an enum's name or toString, a number,
     * a date...), read back from the codec's JSON for a map of that key alone. Only in extensions, if ever.
     */
    private static String keyName(Object key) throws IOException {
        String json = Json.CODEC.toString(Collections.singletonMap(key, null), false);
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            parser.nextToken();
            return parser.currentName();
        }
    }

    private enum Kind {
        MAP, LIST, COLLECTION, OTHER
    }

    /**
     * The JDK's and graphql-java's containers are walked: no Jackson annotations, nor serializers of their own.
     * Another class (Vert.x's JsonObject, a module's type) may have them: it goes to the codec.
     */
    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            String name = type.getName();
            if (!name.startsWith("java.util.") && !name.startsWith("graphql.")) {
                return Kind.OTHER;
            }
            if (Map.class.isAssignableFrom(type)) {
                return Kind.MAP;
            }
            if (List.class.isAssignableFrom(type) && RandomAccess.class.isAssignableFrom(type)) {
                return Kind.LIST;
            }
            return Collection.class.isAssignableFrom(type) ? Kind.COLLECTION : Kind.OTHER;
        }
    };

    /**
     * Whether the walk writes as the codec does: the application's ObjectMapper may be configured otherwise
     * ({@code quarkus.jackson.*}: nulls left out, map keys sorted, non-ASCII escaped...). Checked once, at the first
     * answer, when the codec's ObjectMapper is the application's (the codec takes it from Arc on first use). If they
     * differ, every answer goes to the codec.
     */
    private static final class Agreement {

        static final boolean AGREES = check();

        private static boolean check() {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("z", "\u00e9\u4e2d\ud83d\ude00 \"q\" \\ \n\t\u0001\u001f\u007f\u2028");
            probe.put("a", null);
            probe.put("one", Arrays.asList((Object) null));
            probe.put("numbers", List.of(1, -1L, Long.MAX_VALUE, (short) 2, (byte) 3, 1.0E10, -0.0, Double.NaN,
                    0.1f, new BigDecimal("1E+3"), new BigDecimal("0.50"), BigInteger.TEN.pow(30), true));
            probe.put("empty", Map.of());
            probe.put("list", List.of());
            boolean agrees = Json.encodeToBuffer(probe).equals(walk(probe));
            if (!agrees) {
                LOG.warn("Answers are written by Vert.x's codec: its ObjectMapper is not configured as Jackson's "
                        + "default");
            }
            return agrees;
        }
    }
}
