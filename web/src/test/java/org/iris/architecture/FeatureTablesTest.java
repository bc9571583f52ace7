package org.iris.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A feature's tables are read by its own classes only (ARCHITECTURE.md): messaging asks bubble who
 * takes part, it never queries bubble's entities itself. Read from messaging's sources, on both sides,
 * the JPQL and the {@code find} of every bubble entity.
 */
class FeatureTablesTest {

    /** Bubble's entities: every class of its entity package that JPA maps. */
    private static List<String> bubbleEntities() throws IOException {
        List<String> entities = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("../ejb/src/main/java/org/iris/bubble/entity"))) {
            for (Path source : sources.toList()) {
                if (Files.readString(source).contains("@Entity")) {
                    entities.add(source.getFileName().toString().replace(".java", ""));
                }
            }
        }
        return entities;
    }

    @Test
    void noQueryOfMessagingNamesABubbleEntity() throws IOException {
        List<String> entities = bubbleEntities();
        assertTrue(entities.containsAll(List.of("Bubble", "Participant", "Attendee")), "read " + entities);
        // a word of a string literal (JPQL), or the entity's class (a find, a query's result type)
        Pattern word = Pattern.compile("\\b(" + String.join("|", entities) + ")\\b");
        Pattern type = Pattern.compile("\\b(" + String.join("|", entities) + ")\\.class\\b");
        List<String> found = new ArrayList<>();
        int read = 0;
        for (Path root : List.of(Path.of("src/main/java/org/iris/messaging"), Path.of("../ejb/src/main/java/org/iris/messaging"))) {
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    read++;
                    String code = Files.readString(source);
                    for (String literal : literals(code)) {
                        if (word.matcher(literal).find()) {
                            found.add(source.getFileName() + ": \"" + literal + "\"");
                        }
                    }
                    Matcher named = type.matcher(code);
                    while (named.find()) {
                        found.add(source.getFileName() + ": " + named.group());
                    }
                }
            }
        }
        assertTrue(read > 20, "read " + read + " sources of messaging");
        assertEquals(List.of(), found);
    }

    /** The string literals of a source, read as the compiler does (escapes, and no string inside a comment or a char). */
    static List<String> literals(String code) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                i = code.indexOf('\n', i);
                i = i < 0 ? code.length() : i;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                i = code.indexOf("*/", i + 2);
                i = i < 0 ? code.length() : i + 2;
            } else if (c == '\'') {
                i = code.indexOf('\'', code.charAt(i + 1) == '\\' ? i + 3 : i + 2) + 1;
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < code.length() && code.charAt(i) != '"') {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                    literal.append(code.charAt(i));
                    i++;
                }
                literals.add(literal.toString());
                i++;
            } else {
                i++;
            }
        }
        return literals;
    }

    @Test
    void literalsAreReadAsTheCompilerDoes() {
        assertEquals(List.of("SELECT p FROM Participant p", "a \"quoted\" word"),
                literals("// \"Bubble\"\n/* \"Attendee\" */ char q = '\"'; String s = \"SELECT p FROM Participant p\" + x;"
                        + " t = \"a \\\"quoted\\\" word\";"));
    }
}
