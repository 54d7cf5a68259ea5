package org.parley.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Management;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Parses every manifest under deploy/kubernetes and checks it against the application: the probe paths answer UP on
 * the running service, ports match quarkus.http.port, the datasource variables are all wired (the password from the
 * Secret), selectors match the pods, and the shutdown settings fit the grace period.
 */
@QuarkusTest
class KubernetesManifestsTest {

    private static final Path DIRECTORY = Path.of("deploy/kubernetes");
    private static final List<HasMetadata> RESOURCES = new ArrayList<>();
    private static final Properties APPLICATION = new Properties();

    @BeforeAll
    static void parse() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    Object parsed = serialization.unmarshal(in);
                    assertTrue(parsed instanceof HasMetadata, file + " holds one Kubernetes resource");
                    RESOURCES.add((HasMetadata) parsed);
                }
            }
        }
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            APPLICATION.load(reader);
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Set<String> listed = Files.readAllLines(DIRECTORY.resolve("kustomization.yaml")).stream()
                .map(String::trim).filter(line -> line.startsWith("- ") && line.endsWith(".yaml"))
                .map(line -> line.substring(2)).collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            Set<String> present = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(present, listed);
        }
    }

    @Test
    void probesPointAtHealthEndpointsThatAnswerUp() {
        Container container = api(one(Deployment.class));
        Map<String, Probe> probes = Map.of("startup", container.getStartupProbe(), "liveness",
                container.getLivenessProbe(), "readiness", container.getReadinessProbe());
        Map<String, String> expected = Map.of("startup", "/q/health/started", "liveness", "/q/health/live",
                "readiness", "/q/health/ready");
        for (var probe : probes.entrySet()) {
            assertNotNull(probe.getValue(), probe.getKey() + " probe");
            var get = probe.getValue().getHttpGet();
            assertEquals(expected.get(probe.getKey()), get.getPath(), probe.getKey());
            assertEquals(managementPort(), containerPort(container, get.getPort().getStrVal()),
                    probe.getKey() + " port: the management interface");
            // the path exists on the running application and reports UP
            Management.given().get(get.getPath()).then().statusCode(200).body("status",
                    org.hamcrest.Matchers.equalTo("UP"));
        }
    }

    @Test
    void theServiceReachesTheApplicationPort() {
        Service service = one(Service.class);
        Deployment deployment = one(Deployment.class);
        var target = service.getSpec().getPorts().get(0).getTargetPort();
        assertEquals(httpPort(), containerPort(api(deployment), target.getStrVal()));
        assertSelects(service.getSpec().getSelector(), deployment);
        assertSelects(one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(), deployment);
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(),
                filter(deployment.getSpec().getTemplate().getMetadata().getLabels(),
                        deployment.getSpec().getSelector().getMatchLabels().keySet()));
    }

    @Test
    void datasourceIsWiredWithThePasswordFromTheSecret() {
        for (Container container : List.of(api(one(Deployment.class)),
                one(Job.class).getSpec().getTemplate().getSpec().getContainers().get(0))) {
            Map<String, String> env = environment(container);
            for (String variable : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME")) {
                assertNotNull(env.get(variable), container.getName() + ": " + variable);
            }
            assertTrue(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").startsWith("postgresql://"));
            assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
            assertEquals(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").substring("postgresql://".length()),
                    env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:postgresql://".length()),
                    "both URLs name the same database");

            EnvVar password = container.getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst().orElseThrow();
            assertEquals(null, password.getValue(), "no password in clear");
            var ref = password.getValueFrom().getSecretKeyRef();
            Secret secret = named(Secret.class, ref.getName());
            assertTrue(secret.getStringData().containsKey(ref.getKey()) || secret.getData().containsKey(ref.getKey()));
        }
    }

    @Test
    void theJobMigratesAndLoadsOnceAndTheReplicasDoNot() {
        Job job = one(Job.class);
        Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = environment(migrate);
        assertEquals("true", env.get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
        assertEquals("true", env.get("PARLEY_DATASET_LOAD_AT_START"));
        assertEquals("true", env.get("PARLEY_EXIT_AFTER_START"));
        assertEquals("false", APPLICATION.getProperty("parley.exit-after-start"));
        Container api = api(one(Deployment.class));
        assertEquals("false", environment(api).get("QUARKUS_FLYWAY_MIGRATE_AT_START"));
        assertEquals("false", environment(api).get("PARLEY_DATASET_LOAD_AT_START"));
        assertEquals("false", environment(api).get("QUARKUS_FLYWAY_ACTIVE"));
        assertEquals(api.getImage(), migrate.getImage(), "the same image migrates and serves");
        assertEquals("true", APPLICATION.getProperty("quarkus.flyway.migrate-at-start"),
                "the variable overrides a setting the application has");
        assertEquals("true", APPLICATION.getProperty("parley.dataset.load-at-start"),
                "on where no Job runs (local, tests, compose)");
    }

    @Test
    void resourcesScalingAndShutdownFit() {
        Deployment deployment = one(Deployment.class);
        Container api = api(deployment);
        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(api.getResources().getRequests().get(resource), "request " + resource);
            assertNotNull(api.getResources().getLimits().get(resource), "limit " + resource);
        }
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "two replicas at least, so the PDB can allow a drain");
        assertEquals(1, one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal());

        Duration delay = duration(APPLICATION.getProperty("quarkus.shutdown.delay"));
        Duration timeout = duration(APPLICATION.getProperty("quarkus.shutdown.timeout"));
        long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(grace > delay.plus(timeout).toSeconds(),
                "grace period " + grace + " s outlasts the shutdown delay and timeout");
    }

    private static Container api(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static int managementPort() {
        return Integer.parseInt(APPLICATION.getProperty("quarkus.management.port"));
    }

    private static int httpPort() {
        return Integer.parseInt(APPLICATION.getProperty("quarkus.http.port"));
    }

    private static int containerPort(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    /** The container's variables: its ConfigMaps' keys first, then its own env (value or reference). */
    private static Map<String, String> environment(Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            env.putAll(named(ConfigMap.class, from.getConfigMapRef().getName()).getData());
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue() != null ? var.getValue() : "<from " + var.getValueFrom() + ">");
        }
        return env;
    }

    private static void assertSelects(Map<String, String> selector, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(selector, filter(labels, selector.keySet()), "selector matches the pods' labels");
    }

    private static Map<String, String> filter(Map<String, String> map, Set<String> keys) {
        Map<String, String> kept = new HashMap<>(map);
        kept.keySet().retainAll(keys);
        return kept;
    }

    private static Duration duration(String value) {
        return Duration.parse("PT" + value.toUpperCase());
    }

    private static <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = RESOURCES.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), "one " + kind.getSimpleName());
        return found.get(0);
    }

    private static <T extends HasMetadata> T named(Class<T> kind, String name) {
        return RESOURCES.stream().filter(kind::isInstance).map(kind::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name));
    }
}
