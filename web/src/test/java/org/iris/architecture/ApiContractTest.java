package org.iris.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.iris.company.entity.Company;
import org.iris.company.entity.Feature;
import org.iris.company.entity.Offer;
import org.iris.company.entity.Subscription;
import org.iris.identity.control.PasswordPolicy;
import org.iris.identity.entity.Account;
import org.iris.identity.entity.PersonName;
import org.iris.network.entity.NetworkInvitation;
import org.iris.network.entity.Presence;
import org.iris.platform.boundary.Codes;
import org.iris.platform.boundary.MergePatch;
import org.iris.platform.control.Page;
import org.iris.platform.entity.EmailAddress;
import org.iris.platform.entity.Language;
import org.iris.platform.entity.Region;
import org.iris.platform.entity.Roles;
import org.iris.bubble.entity.Attendee;
import org.iris.bubble.entity.Bubble;
import org.iris.bubble.entity.BubbleRole;
import org.iris.bubble.entity.Participant;
import org.iris.platform.entity.VisibilityMode;
import org.iris.visibility.boundary.Visibility;
import org.iris.visibility.control.VisibilityRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;
import org.openapitools.codegen.validation.ValidationResult;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The API contract, {@code META-INF/openapi.yaml}, is written rather than scanned: this test binds it
 * to the JAX-RS resources, so that neither can change without the other. Every resource method has
 * its operation and every operation its method, with the same path and query parameters, body,
 * security and feature; the JSON of bodies and views has the fields of their Java types; enums and
 * bounds are the code's. The live document is checked by ApiClientIT.
 */
class ApiContractTest {

    private static final String API_PREFIX = "api/v1";
    private static OpenAPI contract;
    private static List<Endpoint> endpoints;

    /** One resource method: its HTTP method and path below {@code /api/v1}. */
    record Endpoint(String method, String path, Method java) {
        String feature() {
            return java.getDeclaringClass().getPackageName().replace("org.iris.", "").replace(".boundary", "");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + java.getDeclaringClass().getSimpleName() + "." + java.getName() + ")";
        }
    }

    @BeforeAll
    static void read() throws IOException {
        String text;
        try (InputStream in = ApiContractTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertNotNull(in, "META-INF/openapi.yaml is missing");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertEquals(List.of(), result.getMessages(), "swagger-parser finds the contract invalid");
        contract = result.getOpenAPI();
        endpoints = endpoints();
    }

    @Test
    void openApiGeneratorFindsNothingToSay() {
        ValidationResult result = new OpenApiEvaluator(new RuleConfiguration()).validate(contract);
        assertEquals(List.of(), result.getErrors().stream().map(Object::toString).toList());
        assertEquals(List.of(), result.getWarnings().stream().map(Object::toString).toList());
    }

    @Test
    void everyResourceMethodHasItsOperationAndNoOperationIsWithoutOne() {
        assertTrue(endpoints.size() > 40, "resource methods found: " + endpoints.size());
        Set<String> matched = new HashSet<>();
        for (Endpoint endpoint : endpoints) {
            String documented = documentedPath(endpoint);
            matched.add(endpoint.method() + " " + documented);
        }
        Set<String> documented = new TreeSet<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> documented.add(method.name() + " " + path)));
        documented.removeAll(matched);
        assertEquals(Set.of(), documented, "operations without a resource method");
    }

    @Test
    void operationIdsAreUniqueActionsAndEachOperationHasTheTagOfItsFeature() {
        Set<String> ids = new HashSet<>();
        Set<String> tags = contract.getTags().stream().map(tag -> tag.getName()).collect(Collectors.toSet());
        for (Endpoint endpoint : endpoints) {
            Operation operation = operation(endpoint);
            String id = operation.getOperationId();
            assertTrue(id != null && id.matches("[a-z]+[A-Z][A-Za-z]*|login|logout"), endpoint + ": operationId " + id);
            assertTrue(ids.add(id), "operationId " + id + " twice");
            assertEquals(List.of(endpoint.feature()), operation.getTags(), endpoint + ": one tag, its feature");
            assertTrue(tags.contains(endpoint.feature()), "tag " + endpoint.feature() + " is not declared");
        }
    }

    @Test
    void securityIsDeclaredAsTheResourcesEnforceIt() {
        for (Endpoint endpoint : endpoints) {
            List<SecurityRequirement> security = operation(endpoint).getSecurity();
            assertNotNull(security, endpoint + ": security is declared on every operation");
            boolean anonymousAllowed = security.stream().anyMatch(Map::isEmpty);
            boolean bearer = security.stream().anyMatch(requirement -> requirement.containsKey("jwt"));
            if (isPublic(endpoint.java())) {
                assertTrue(anonymousAllowed, endpoint + " is public: its security has {}");
            } else {
                assertEquals(List.of(new SecurityRequirement().addList("jwt")), security, endpoint + " needs a bearer token");
            }
            assertTrue(anonymousAllowed || bearer, endpoint.toString());
            Set<String> problems = operation(endpoint).getResponses().keySet();
            if (bearer) {
                assertTrue(problems.containsAll(Set.of("401", "403")), endpoint + ": a secured operation answers 401 and 403");
            }
        }
    }

    @Test
    void parametersAndBodiesAreTheResourcesOwn() {
        for (Endpoint endpoint : endpoints) {
            Operation operation = operation(endpoint);
            Map<String, Parameter> documented = new HashMap<>();
            for (Parameter parameter : parameters(operation)) {
                documented.put(parameter.getIn() + ":" + parameter.getName(), parameter);
            }
            Set<String> expected = new HashSet<>();
            Class<?> body = null;
            boolean pathFixed = !documentedPath(endpoint).equals(endpoint.path());
            java.lang.reflect.Parameter[] javaParameters = endpoint.java().getParameters();
            for (java.lang.reflect.Parameter parameter : javaParameters) {
                PathParam path = parameter.getAnnotation(PathParam.class);
                QueryParam query = parameter.getAnnotation(QueryParam.class);
                if (path != null && !pathFixed) {
                    expected.add("path:" + path.value());
                } else if (query != null) {
                    expected.add("query:" + query.value());
                    DefaultValue fallback = parameter.getAnnotation(DefaultValue.class);
                    Parameter documentedQuery = documented.get("query:" + query.value());
                    assertNotNull(documentedQuery, endpoint + ": query parameter " + query.value());
                    assertEquals(fallback == null, documentedQuery.getSchema().getDefault() == null
                            && Boolean.TRUE.equals(documentedQuery.getRequired()), endpoint + " " + query.value()
                            + ": a parameter without a default is required");
                    if (fallback != null) {
                        assertEquals(fallback.value(), String.valueOf(documentedQuery.getSchema().getDefault()),
                                endpoint + ": default of " + query.value());
                    }
                } else if (path == null && parameter.getAnnotation(Context.class) == null
                        && parameter.getAnnotation(jakarta.ws.rs.HeaderParam.class) == null) { // Content-Type and the like
                    body = parameter.getType();
                }
            }
            assertEquals(expected, documented.keySet(), endpoint + ": parameters");
            if (body == null) {
                assertEquals(null, operation.getRequestBody(), endpoint + " takes no body");
                continue;
            }
            assertNotNull(operation.getRequestBody(), endpoint + " takes a body");
            assertEquals(Boolean.TRUE, operation.getRequestBody().getRequired(), endpoint + ": the body is required");
            Consumes consumes = endpoint.java().getAnnotation(Consumes.class);
            if (consumes != null && Arrays.asList(consumes.value()).contains(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA)) {
                assertEquals(InputStream.class, body, endpoint + ": an upload is read as a stream");
                assertEquals(List.of(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA),
                        List.copyOf(operation.getRequestBody().getContent().keySet()), endpoint + ": an upload's body type");
                Schema<?> form = resolve(operation.getRequestBody().getContent().get(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA)
                        .getSchema());
                assertEquals(Set.of("file"), form.getProperties().keySet(), endpoint + ": the one part read, file");
                assertEquals("binary", form.getProperties().get("file").getFormat(), endpoint + ": file is binary");
                continue;
            }
            boolean mergePatch = consumes != null && Arrays.asList(consumes.value()).contains(MergePatch.MEDIA_TYPE);
            List<String> mediaTypes = mergePatch ? List.of(MergePatch.MEDIA_TYPE, "application/json") : List.of("application/json");
            assertEquals(mediaTypes, List.copyOf(operation.getRequestBody().getContent().keySet()),
                    endpoint + ": body types, a merge patch's first (a generator sends the first)");
            Schema<?> schema = resolve(operation.getRequestBody().getContent().get(mediaTypes.get(0)).getSchema());
            boolean fieldByField = body.getName().startsWith("jakarta.json");
            assertEquals(fieldByField ? Boolean.FALSE : null, schema.getAdditionalProperties(),
                    endpoint + ": a body read field by field (MergePatch) refuses unknown fields; JSON-B ignores them");
            if (!fieldByField) {
                assertEquals(fieldsOf(body), schema.getProperties().keySet(), endpoint + ": fields of " + body.getSimpleName());
            }
        }
    }

    @Test
    void answersHaveTheShapeOfTheirViews() {
        for (Endpoint endpoint : endpoints) {
            Map<String, ApiResponse> responses = operation(endpoint).getResponses();
            List<String> successes = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            assertFalse(successes.isEmpty(), endpoint + ": a success answer");
            Type returned = endpoint.java().getGenericReturnType();
            if (returned == void.class) {
                assertEquals(List.of("204"), successes, endpoint.toString());
                assertEquals(null, responses.get("204").getContent(), endpoint.toString());
            } else if (returned != jakarta.ws.rs.core.Response.class) {
                assertEquals(List.of("200"), successes, endpoint.toString());
                Schema<?> schema = responses.get("200").getContent().get("application/json").getSchema();
                assertShape(endpoint, returned, schema);
            }
            for (String code : successes) {
                if (code.equals("201")) {
                    assertNotNull(responses.get(code).getHeaders(), endpoint + ": 201 names the Location");
                    assertTrue(responses.get(code).getHeaders().containsKey("Location"), endpoint + ": 201 names the Location");
                }
            }
        }
    }

    @Test
    void everyProblemIsAProblemDocument() {
        Schema<?> problem = contract.getComponents().getSchemas().get("Problem");
        assertEquals(Set.of("type", "title", "status", "detail", "correlationId", "violations"), problem.getProperties().keySet());
        assertEquals(fieldsOf(org.iris.platform.boundary.Problem.class), problem.getProperties().keySet());
        assertEquals(fieldsOf(org.iris.platform.boundary.Problem.Violation.class),
                contract.getComponents().getSchemas().get("Violation").getProperties().keySet());
        for (Endpoint endpoint : endpoints) {
            Map<String, ApiResponse> responses = operation(endpoint).getResponses();
            assertTrue(responses.containsKey("500") && responses.containsKey("503"), endpoint + ": 500 and 503");
            responses.forEach((code, response) -> {
                if (Integer.parseInt(code) >= 400) {
                    assertNotNull(response.get$ref(), endpoint + " " + code + ": one of the shared problem answers");
                    ApiResponse shared = contract.getComponents().getResponses()
                            .get(response.get$ref().replace("#/components/responses/", ""));
                    assertEquals(Set.of("application/problem+json"), shared.getContent().keySet(), endpoint + " " + code);
                    assertEquals("#/components/schemas/Problem",
                            shared.getContent().get("application/problem+json").getSchema().get$ref(), endpoint + " " + code);
                }
            });
        }
    }

    @Test
    void enumsAreTheCodesConstants() {
        Function<Enum<?>, String> upper = Enum::name;
        Function<Enum<?>, String> lower = constant -> constant.name().toLowerCase(Locale.ROOT);
        Function<Enum<?>, String> code = Codes::of;
        assertEnum("Region", Region.values(), upper);
        assertEnum("Language", Language.values(), lower);
        assertEnum("VisibilityMode", VisibilityMode.values(), lower);
        assertEnum("Offer", Offer.values(), lower);
        assertEnum("Feature", Feature.values(), lower);
        assertEnum("Billing", Subscription.Billing.values(), lower);
        assertEnum("SubscriptionStatus", Subscription.Status.values(), lower);
        assertEnum("AccountStatus", Account.Status.values(), lower);
        assertEnum("PresenceStatus", Presence.Status.values(), code);
        assertEnum("InvitationDirection", NetworkInvitation.Side.values(), code);
        assertEnum("InvitationStatus", NetworkInvitation.Status.values(), code);
        assertEnum("InviteAllowed", VisibilityRules.Invite.values(), code);
        assertEnum("VisibilityRule", VisibilityRules.Rule.values(), code);
        assertEnum("ModeSource", VisibilityRules.Source.values(), code);
        assertEnum("BubbleStatus", Bubble.Status.values(), code);
        assertEnum("BubbleRole", BubbleRole.values(), code);
        assertEnum("ParticipantKind", Participant.Kind.values(), code);
        assertEnum("ConferencePlace", Attendee.State.values(), code);
        List<String> roles = Stream.of(Roles.class.getFields()).filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(ApiContractTest::constant).toList();
        assertEquals(roles, contract.getComponents().getSchemas().get("Role").getEnum());
    }

    @Test
    void boundsAreTheServersChecks() {
        Map<String, Parameter> shared = contract.getComponents().getParameters();
        assertEquals(Page.MAX_OFFSET, shared.get("offset").getSchema().getMaximum().intValue());
        assertEquals(0, shared.get("offset").getSchema().getMinimum().intValue());
        assertEquals(Page.MAX_LIMIT, shared.get("limit").getSchema().getMaximum().intValue());
        assertEquals(1, shared.get("limit").getSchema().getMinimum().intValue());
        assertBounds("RegistrationConfirmation", "password", PasswordPolicy.MIN, PasswordPolicy.MAX);
        assertBounds("PasswordResetConfirmation", "newPassword", PasswordPolicy.MIN, PasswordPolicy.MAX);
        assertBounds("PasswordChange", "newPassword", PasswordPolicy.MIN, PasswordPolicy.MAX);
        assertBounds("InvitationAcceptance", "password", PasswordPolicy.MIN, PasswordPolicy.MAX);
        for (String schema : List.of("RegistrationConfirmation", "InvitationAcceptance", "ProfilePatch")) {
            assertBounds(schema, "firstName", 1, PersonName.MAX);
            assertBounds(schema, "lastName", 1, PersonName.MAX);
        }
        assertBounds("ProfilePatch", "title", null, PersonName.MAX);
        assertBounds("CompanyCreation", "name", 1, Company.NAME_MAX);
        assertBounds("CompanyPatch", "name", 1, Company.NAME_MAX);
        assertBounds("CompanyPatch", "description", null, Company.DESCRIPTION_MAX);
        for (String schema : List.of("RegistrationRequest", "RegistrationConfirmation", "PasswordResetRequest",
                "PasswordResetConfirmation", "Credentials", "CompanyInvitationRequest", "NetworkInvitationRequest")) {
            assertBounds(schema, "email", null, EmailAddress.MAX);
        }
        Schema<?> seats = property("SubscriptionCreation", "seats");
        assertEquals(1, seats.getMinimum().intValue());
        assertEquals(Subscription.MAX_SEATS, seats.getMaximum().intValue());
        Parameter q = operation("get", "/directory/users").getParameters().stream()
                .filter(parameter -> "q".equals(parameter.getName())).findFirst().orElseThrow();
        assertEquals(Visibility.QUERY_MAX, q.getSchema().getMaxLength());
    }

    // --- the resources ---

    private static List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.iris")) {
            if (!type.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                found.add(new Endpoint(http, normalize(base + (sub == null ? "" : "/" + sub.value())), method));
            }
        }
        return found;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static boolean isPublic(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        return method.getDeclaringClass().isAnnotationPresent(PermitAll.class)
                && !method.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class);
    }

    /** A resource's public fields (request bodies) or record components (views). */
    private static Set<String> fieldsOf(Class<?> type) {
        if (type.isRecord()) {
            return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
        }
        return Stream.of(type.getFields()).filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName).collect(Collectors.toSet());
    }

    // --- the contract ---

    /** The path under which the contract documents the endpoint; a template may be documented fixed ({@code me}). */
    private static String documentedPath(Endpoint endpoint) {
        if (operation(endpoint.method(), endpoint.path()) != null) {
            return endpoint.path();
        }
        String[] segments = endpoint.path().split("/");
        for (Map.Entry<String, PathItem> entry : contract.getPaths().entrySet()) {
            String[] documented = entry.getKey().split("/");
            if (documented.length != segments.length || operation(endpoint.method(), entry.getKey()) == null) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < segments.length && same; i++) {
                same = segments[i].equals(documented[i]) || segments[i].startsWith("{") && !documented[i].startsWith("{");
            }
            if (same) {
                return entry.getKey();
            }
        }
        fail("no operation documents " + endpoint + " (paths are below /" + API_PREFIX + ")");
        return null;
    }

    private static Operation operation(Endpoint endpoint) {
        return operation(endpoint.method(), documentedPath(endpoint));
    }

    private static Operation operation(String method, String path) {
        PathItem item = contract.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
    }

    private static List<Parameter> parameters(Operation operation) {
        List<Parameter> resolved = new ArrayList<>();
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            resolved.add(parameter.get$ref() == null ? parameter
                    : contract.getComponents().getParameters().get(parameter.get$ref().replace("#/components/parameters/", "")));
        }
        return resolved;
    }

    private static Schema<?> resolve(Schema<?> schema) {
        if (schema.get$ref() == null) {
            return schema;
        }
        return contract.getComponents().getSchemas().get(schema.get$ref().replace("#/components/schemas/", ""));
    }

    private static Schema<?> property(String schema, String property) {
        Schema<?> found = (Schema<?>) contract.getComponents().getSchemas().get(schema).getProperties().get(property);
        assertNotNull(found, schema + "." + property);
        return found;
    }

    private static void assertBounds(String schema, String property, Integer min, int max) {
        Schema<?> found = property(schema, property);
        assertEquals(min, found.getMinLength(), schema + "." + property + " minLength");
        assertEquals(max, found.getMaxLength(), schema + "." + property + " maxLength");
    }

    private static void assertShape(Endpoint endpoint, Type returned, Schema<?> schema) {
        if (returned instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertEquals("array", schema.getType(), endpoint + ": a list");
            assertShape(endpoint, list.getActualTypeArguments()[0], schema.getItems());
            return;
        }
        if (returned instanceof Class<?> type && (type.isRecord() || type.getName().startsWith("org.iris"))) {
            Schema<?> view = resolve(schema);
            assertNotNull(view.getProperties(), endpoint + ": " + type.getSimpleName() + " is an object");
            assertEquals(fieldsOf(type), view.getProperties().keySet(), endpoint + ": fields of " + type.getSimpleName());
        }
    }

    private static void assertEnum(String schema, Enum<?>[] constants, Function<Enum<?>, String> wire) {
        assertEquals(Stream.of(constants).map(wire).toList(), contract.getComponents().getSchemas().get(schema).getEnum(),
                "enum " + schema);
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
