package org.iris.visibility.control;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How names and emails become the words a directory search matches by prefix: lower case, accents and
 * ligatures removed ("Élodie Œhlenschläger" is found by "elodie", "oehl"), white space collapsed.
 * A query goes through the same {@link #normalize}.
 */
public final class SearchTerms {

    /** The longest word kept; longer ones are cut, which still finds them by any shorter prefix. */
    public static final int MAX = 300;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Letters that Unicode does not decompose into a base letter and an accent. */
    private static final Map<Character, String> LETTERS = Map.of(
            'ø', "o", 'æ', "ae", 'œ', "oe", 'ł', "l", 'đ', "d", 'ð', "d", 'þ', "th", 'ß', "ss", 'ı', "i");

    private SearchTerms() {
    }

    public static String normalize(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String lower = decomposed.toLowerCase(Locale.ROOT);
        StringBuilder plain = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            plain.append(LETTERS.getOrDefault(c, String.valueOf(c)));
        }
        String collapsed = SPACES.matcher(plain).replaceAll(" ").strip();
        return collapsed.length() > MAX ? collapsed.substring(0, MAX) : collapsed;
    }

    /**
     * The words of a user's names: "first last" and "last first" (so that a full name typed either way
     * is a prefix), and every further word of each name on its own ("van der Berg" is found by "berg").
     */
    public static Set<String> of(String firstName, String lastName) {
        String first = normalize(firstName);
        String last = normalize(lastName);
        Set<String> words = new LinkedHashSet<>();
        add(words, first + " " + last);
        add(words, last + " " + first);
        for (String name : new String[] {first, last}) {
            String[] parts = name.split(" ");
            for (int i = 1; i < parts.length; i++) {
                add(words, String.join(" ", java.util.Arrays.copyOfRange(parts, i, parts.length)));
            }
        }
        return words;
    }

    /** A user's email as the one word it is. */
    public static String email(String email) {
        String word = normalize(email);
        return word.length() > MAX ? word.substring(0, MAX) : word;
    }

    private static void add(Set<String> words, String word) {
        String cut = word.strip();
        if (!cut.isEmpty()) {
            words.add(cut.length() > MAX ? cut.substring(0, MAX) : cut);
        }
    }

    /**
     * The smallest text after every word that starts with the query, in code point order (which is
     * PostgreSQL's "C" collation and Java's order alike): the query with its last character raised by
     * one; past the last possible character, one that no word reaches.
     */
    public static String upperBound(String normalizedQuery) {
        int last = normalizedQuery.codePointBefore(normalizedQuery.length());
        String head = normalizedQuery.substring(0, normalizedQuery.length() - Character.charCount(last));
        int next = last + 1;
        while (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1;
        }
        return next > Character.MAX_CODE_POINT ? head + "\uffff\uffff" : head + new String(Character.toChars(next));
    }

    /** A LIKE pattern matching every word that starts with the normalized query, with '\' escaping. */
    public static String prefixPattern(String normalizedQuery) {
        return normalizedQuery.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
