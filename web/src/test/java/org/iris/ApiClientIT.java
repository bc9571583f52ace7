package org.iris;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import org.iris.it.Api;
import org.iris.it.ClientJourney;
import org.iris.it.Mailbox;
import org.iris.it.Tenants;
import org.iris.it.WithPeople;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;
import org.yaml.snakeyaml.Yaml;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document as an API user meets it: fetched from the deployed WAR, valid for
 * openapi-generator and for Redocly's CLI, and good for a Java client that openapi-generator makes
 * of it, through which a journey ({@code src/test/journey}) registers, logs in, refreshes, logs out
 * and administers a company, typed end to end.
 */
class ApiClientIT extends WithPeople {

    private static final Path WORK = Path.of(System.getProperty("it.client.dir", "target/generated-client"));

    @Test
    void theDocumentIsServedAsJsonAndAsYamlAndNamesThePublicUrl() {
        HttpResponse<String> json = api.send(HttpRequest.newBuilder(api.server("openapi")).header("Accept", "application/json"));
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        HttpResponse<String> yaml = api.send(HttpRequest.newBuilder(api.server("openapi")).header("Accept", "application/yaml"));
        assertEquals(200, yaml.statusCode(), yaml.body());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"),
                yaml.headers().map().toString());
        Map<String, Object> fromYaml = new Yaml().load(yaml.body());
        JsonObject fromJson = Api.json(json);
        assertEquals(fromJson.keySet(), fromYaml.keySet());
        assertFalse(fromJson.containsKey("endpoints"), "Payara's own endpoints map is not an OpenAPI field");
        assertEquals("3.0.3", fromJson.getString("openapi"));
        assertEquals(System.getProperty("it.public-url") + "/api/v1",
                fromJson.getJsonArray("servers").getJsonObject(0).getString("url"), "servers come from iris.public-url");
        assertEquals(fromJson.getJsonObject("paths").keySet(), ((Map<?, ?>) fromYaml.get("paths")).keySet());
    }

    @Test
    void openApiGeneratorAndRedoclyFindTheLiveDocumentValid() throws Exception {
        String document = document();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, new ParseOptions());
        assertEquals(List.of(), parsed.getMessages());
        ValidationResult evaluated = new OpenApiEvaluator(new RuleConfiguration()).validate(parsed.getOpenAPI());
        assertEquals(List.of(), evaluated.getErrors().stream().map(Object::toString).toList());
        assertEquals(List.of(), evaluated.getWarnings().stream().map(Object::toString).toList());

        Path file = Files.createDirectories(WORK).resolve("openapi-live.json");
        Files.writeString(file, document);
        String redocly = System.getProperty("it.redocly", "../.tools/node_modules/.bin/redocly");
        assertTrue(new File(redocly).canExecute(), redocly + " is missing: scripts/test.sh installs it");
        Process lint = new ProcessBuilder(redocly, "lint", "--format=stylish",
                "--config=" + System.getProperty("it.redocly.config", "src/test/resources/redocly.yaml"), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, lint.exitValue(), output);
        assertFalse(output.contains(" warning "), output);
        assertTrue(output.contains("Your API description is valid"), output);
    }

    @Test
    void aClientGeneratedFromTheLiveDocumentWalksTheJourneys() throws Exception {
        Path work = Files.createDirectories(WORK);
        Path spec = work.resolve("openapi.json");
        Files.writeString(spec, document());
        Path sources = work.resolve("client");
        deleteTree(sources);
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(sources.toString())
                .setApiPackage("org.iris.client.api")
                .setModelPackage("org.iris.client.model")
                .setInvokerPackage("org.iris.client")
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", true)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        new DefaultGenerator().opts(configurator.toClientOptInput()).generate();

        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "--release", "17", "-classpath", System.getProperty("java.class.path")));
        try (Stream<Path> files = Stream.concat(Files.walk(sources.resolve("src/main/java")),
                Files.walk(Path.of(System.getProperty("it.journey.dir", "src/test/journey"))))) {
            files.filter(path -> path.toString().endsWith(".java")).forEach(path -> arguments.add(path.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, compiled, "the generated client and the journey compile: " + errors);

        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            ClientJourney journey = loader.loadClass("org.iris.client.journey.Journeys")
                    .asSubclass(ClientJourney.class).getDeclaredConstructor().newInstance();
            journey.run(api.api(""), api.clientAddress(), email -> Mailbox.pin(email, 1),
                    email -> Tenants.invitationToken(email, 1), superadmin);
        }
    }

    private String document() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.server("openapi")).header("Accept", "application/json"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
