package org.iris.residency.control;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every unit fails fast while its database is away ({@link FailFast}), and no persistence unit keeps a
 * shared (second-level) cache: several nodes write the same databases,
 * and after a failed commit, or a database restored from a replica, a node-local cache would hand out
 * entity state the database does not hold.
 */
class PersistenceUnitsTest {

    private static String property(Element unit, String name) {
        NodeList properties = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (name.equals(property.getAttribute("name"))) {
                return property.getAttribute("value");
            }
        }
        return null;
    }

    @Test
    void everyUnitHasItsSharedCacheOff() throws Exception {
        try (InputStream xml = getClass().getClassLoader().getResourceAsStream("META-INF/persistence.xml")) {
            assertNotNull(xml, "persistence.xml");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList units = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "persistence-unit");
            assertEquals(9, units.getLength(), "global and the eight regions");
            for (int i = 0; i < units.getLength(); i++) {
                Element unit = (Element) units.item(i);
                NodeList mode = unit.getElementsByTagNameNS("*", "shared-cache-mode");
                assertEquals(1, mode.getLength(), unit.getAttribute("name"));
                assertEquals("NONE", mode.item(0).getTextContent().strip(), unit.getAttribute("name"));
                assertEquals(FailFast.class.getName(), property(unit, "eclipselink.session.customizer"),
                        unit.getAttribute("name") + " fails a read at once while its database is away");
            }
        }
    }
}
