package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/kubernetes and deploy/kubernetes/distributed as {@code kubectl kustomize} builds them
 * (what {@code kubectl apply -k} sends), every object checked against the Kubernetes API schema
 * (the official Java client's generated models refuse unknown and missing fields and wrong types),
 * and every pod against the "restricted" Pod Security level. scripts/test-deps.sh checks for
 * kubectl before make test runs this; without it the test fails, it never skips.
 */
class KubernetesSchemaTest {
    static final List<String> KUSTOMIZATIONS = List.of("deploy/kubernetes", "deploy/kubernetes/distributed");
    static final Map<String, Class<?>> MODELS = Map.of("Deployment", V1Deployment.class, "Service", V1Service.class,
            "Job", V1Job.class, "PersistentVolumeClaim", V1PersistentVolumeClaim.class, "ConfigMap", V1ConfigMap.class);
    /** Volume types the restricted level allows. */
    static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> build(String dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("needs kubectl 1.27 or newer on the PATH (its kustomize builds " + dir + "): see scripts/test-deps.sh");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + dir + " did not end");
        assertEquals(0, process.exitValue(), "kubectl kustomize " + dir + ":\n" + output);
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(output)) {
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    static Stream<String> kustomizations() {
        return KUSTOMIZATIONS.stream();
    }

    /** The model's own check: throws naming the field when the object does not fit the schema. */
    static void validate(JsonNode doc) throws Throwable {
        Class<?> model = MODELS.get(doc.path("kind").asText());
        assertTrue(model != null, "no schema here for kind " + doc.path("kind") + ": add its model to MODELS");
        JsonElement element = JsonParser.parseString(JSON.writeValueAsString(doc));
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, element);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyObjectKustomizeBuildsFitsTheKubernetesSchema(String dir) throws Throwable {
        List<JsonNode> docs = build(dir);

        assertFalse(docs.isEmpty(), dir);
        for (JsonNode doc : docs) {
            String name = doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText();
            try {
                validate(doc);
            } catch (IllegalArgumentException | IOException e) {
                fail(dir + ": " + name + " does not fit the schema: " + e.getMessage());
            }
        }
    }

    /** The check can fail: a misspelt field and a field of the wrong type are refused. */
    @Test
    void theSchemaCheckRefusesAMisspeltFieldAndAWrongType() throws Throwable {
        JsonNode deployment = build("deploy/kubernetes").stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        validate(deployment);

        ObjectNode misspelt = deployment.deepCopy();
        ((ObjectNode) misspelt.path("spec").path("template").path("spec")).set("securityContex", JSON.createObjectNode());
        Throwable unknown = assertThrows(IllegalArgumentException.class, () -> validate(misspelt));
        assertTrue(unknown.getMessage().contains("securityContex"), unknown.getMessage());

        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.path("spec").path("template").path("spec").path("containers").get(0))
                .set("args", JSON.createObjectNode());
        assertThrows(IllegalArgumentException.class, () -> validate(wrongType));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyPodMeetsTheRestrictedPodSecurityLevel(String dir) throws Exception {
        int pods = 0;
        for (JsonNode doc : build(dir)) {
            JsonNode pod = doc.path("spec").path("template").path("spec");
            if (pod.isMissingNode()) {
                continue;
            }
            pods++;
            String name = doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText();
            JsonNode podContext = pod.path("securityContext");
            assertTrue(podContext.path("runAsNonRoot").asBoolean(false), name + ": runAsNonRoot");
            assertNotEquals(0, podContext.path("runAsUser").asInt(-1), name + ": runAsUser 0");
            assertEquals("RuntimeDefault", podContext.path("seccompProfile").path("type").asText(), name + ": seccompProfile");
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertFalse(pod.path(host).asBoolean(false), name + ": " + host);
            }
            pod.path("volumes").forEach(volume -> volume.fieldNames().forEachRemaining(field -> assertTrue(
                    field.equals("name") || RESTRICTED_VOLUMES.contains(field), name + ": volume type " + field)));
            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            assertFalse(containers.isEmpty(), name);
            for (JsonNode container : containers) {
                String where = name + " container " + container.path("name").asText();
                JsonNode context = container.path("securityContext");
                assertEquals(false, context.path("allowPrivilegeEscalation").asBoolean(true), where + ": allowPrivilegeEscalation");
                assertFalse(context.path("privileged").asBoolean(false), where + ": privileged");
                List<String> dropped = new ArrayList<>();
                context.path("capabilities").path("drop").forEach(c -> dropped.add(c.asText()));
                assertTrue(dropped.contains("ALL"), where + ": capabilities.drop [ALL], not " + dropped);
                context.path("capabilities").path("add").forEach(c ->
                        assertEquals("NET_BIND_SERVICE", c.asText(), where + ": capabilities.add"));
            }
        }
        assertTrue(pods > 0, dir + " has no pod template");
    }
}
