package org.iris.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The features depend one way (see {@code org.iris}'s package-info): each may use those listed before
 * it, never one after. Read from the compiled classes of the domain and of the web tier alike; a
 * lower feature that must react to a higher one fires a CDI event, or declares what it needs as an
 * interface that the higher one implements.
 */
class FeatureDirectionTest {

    /** From the bottom up; the last two are to come, and are held to their place as soon as they do. */
    static final List<String> FEATURES = List.of("platform", "residency", "mail", "identity", "company", "visibility",
            "network", "bubble", "messaging", "audit", "lifecycle");

    private static JavaClasses classes;

    /** The features that have classes today. */
    private static Set<String> present;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.iris");
        assertTrue(classes.size() > 150, "read " + classes.size() + " classes");
        present = classes.stream().map(JavaClass::getPackageName).filter(name -> name.startsWith("org.iris."))
                .map(name -> name.substring("org.iris.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyPackageIsAFeatureWithItsPlaceInTheOrder() {
        assertTrue(FEATURES.containsAll(present), "features " + present + ", of which the order knows " + FEATURES);
        assertTrue(present.containsAll(FEATURES.subList(0, FEATURES.indexOf("network") + 1)), "read " + present);
    }

    static Stream<String> features() {
        return FEATURES.stream().limit(FEATURES.size() - 1);
    }

    @ParameterizedTest(name = "{0} uses no higher feature")
    @MethodSource("features")
    void aFeatureUsesNoHigherOne(String feature) {
        int at = FEATURES.indexOf(feature);
        String[] higher = IntStream.range(at + 1, FEATURES.size()).mapToObj(i -> "org.iris." + FEATURES.get(i) + "..")
                .toArray(String[]::new);
        noClasses().that().resideInAPackage("org.iris." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(higher)
                .because("features depend one way: " + String.join(" < ", FEATURES))
                .allowEmptyShould(!present.contains(feature))
                .check(classes);
    }

    /**
     * The compiled classes do not keep an import that nothing uses, nor a constant's origin; the
     * sources do. Every {@code import org.iris.<feature>} of the domain and the web tier is read there.
     */
    @ParameterizedTest(name = "no source of {0} imports a higher feature")
    @MethodSource("features")
    void noSourceOfAFeatureImportsAHigherOne(String feature) throws IOException {
        int at = FEATURES.indexOf(feature);
        Pattern imports = Pattern.compile("(?m)^import\\s+(?:static\\s+)?org\\.iris\\.(\\w+)\\.");
        List<String> upward = new ArrayList<>();
        int read = 0;
        for (Path root : List.of(Path.of("src/main/java/org/iris", feature), Path.of("../ejb/src/main/java/org/iris", feature))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    read++;
                    Matcher imported = imports.matcher(Files.readString(source));
                    while (imported.find()) {
                        if (FEATURES.indexOf(imported.group(1)) > at) {
                            upward.add(source + " imports " + imported.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(read > 0 || !present.contains(feature), "read the sources of " + feature);
        assertEquals(List.of(), upward);
    }
}
