package org.iris.residency.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContexts;
import org.iris.platform.entity.Region;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Region} is the list of regions. What Jakarta EE and the scripts make us spell out by name
 * (datasource definitions, persistence-context references, persistence units, the test databases)
 * must list exactly the same regions, so that adding a region to the enum fails here until it is
 * added everywhere.
 */
class RegionListsTest {

    private static final List<String> REGIONS = Arrays.stream(Region.values()).map(Region::key).toList();
    private static final List<String> BOUNDARIES = Stream.concat(Stream.of(Boundaries.GLOBAL), REGIONS.stream()).toList();

    @Test
    void everyBoundaryHasADatasourceWithItsOwnSettings() {
        List<String> names = new ArrayList<>();
        for (DataSourceDefinition definition : Boundaries.class.getAnnotation(DataSourceDefinitions.class).value()) {
            String boundary = definition.name().substring(Boundaries.JNDI_PREFIX.length());
            names.add(boundary);
            String key = "iris.db." + boundary + ".";
            assertEquals("${MPCONFIG=" + key + "url:" + Boundaries.embeddedUrl(boundary) + "}", definition.url(), boundary);
            assertTrue(definition.className().startsWith("${MPCONFIG=" + key + "datasource:"), boundary);
            assertTrue(definition.user().startsWith("${MPCONFIG=" + key + "user:"), boundary);
            assertTrue(definition.password().startsWith("${MPCONFIG=" + key + "password:"), boundary);
            for (String property : definition.properties()) {
                if (property.contains("${MPCONFIG=")) {
                    assertTrue(property.contains("${MPCONFIG=" + key), boundary + ": " + property);
                }
            }
        }
        assertEquals(BOUNDARIES, names);
    }

    @Test
    void everyRegionHasAnEntityManager() {
        Map<String, String> references = new LinkedHashMap<>();
        for (PersistenceContext context : EntityManagers.class.getAnnotation(PersistenceContexts.class).value()) {
            references.put(context.name().substring(EntityManagers.PREFIX.length()), context.unitName());
        }
        assertEquals(REGIONS, List.copyOf(references.keySet()));
        references.forEach((region, unit) -> assertEquals(region, unit));
    }

    @Test
    void everyBoundaryHasAPersistenceUnitAndTheRegionsShareTheirEntities() throws Exception {
        Map<String, List<String>> units = new LinkedHashMap<>();
        try (InputStream xml = getClass().getClassLoader().getResourceAsStream("META-INF/persistence.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList found = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "persistence-unit");
            for (int i = 0; i < found.getLength(); i++) {
                Element unit = (Element) found.item(i);
                List<String> classes = new ArrayList<>();
                NodeList listed = unit.getElementsByTagNameNS("*", "class");
                for (int j = 0; j < listed.getLength(); j++) {
                    classes.add(listed.item(j).getTextContent().strip());
                }
                String name = unit.getAttribute("name");
                units.put(name, classes);
                assertEquals(Boundaries.JNDI_PREFIX + name,
                        unit.getElementsByTagNameNS("*", "jta-data-source").item(0).getTextContent().strip(), name);
            }
        }
        assertEquals(BOUNDARIES, List.copyOf(units.keySet()));
        List<String> regional = units.get(Region.DEFAULT.key());
        for (String region : REGIONS) {
            assertEquals(regional, units.get(region), region + " lists the same entities as " + Region.DEFAULT.key());
        }
    }

    @Test
    void theTestScriptsMakeADatabaseForEveryBoundary() throws Exception {
        String script = Files.readString(Path.of("../scripts/postgres.sh"));
        Matcher line = Pattern.compile("(?m)^BOUNDARIES=\"([^\"]*)\"").matcher(script);
        assertTrue(line.find(), "scripts/postgres.sh sets BOUNDARIES");
        assertEquals(BOUNDARIES, List.of(line.group(1).trim().split("\\s+")));

        String properties = Files.readString(Path.of("../web/src/test/resources/it-postgres.properties"));
        for (String boundary : BOUNDARIES) {
            assertTrue(properties.contains("iris.db." + boundary + ".url="), "it-postgres.properties: " + boundary);
        }
    }
}
