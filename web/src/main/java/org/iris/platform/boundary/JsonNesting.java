package org.iris.platform.boundary;

/**
 * Follows how deep arrays and objects nest in JSON text, byte by byte or character by character,
 * outside strings (UTF-8 never puts these bytes inside a character), so that a body or a frame
 * nested too deep is refused before a parser recurses into it.
 */
public final class JsonNesting {

    /** The deepest nesting Iris reads. */
    public static final int MAX_DEPTH = 32;

    private int depth;
    private boolean inString;
    private boolean escaped;

    /** @return whether the text, with this character, nests deeper than {@link #MAX_DEPTH} */
    public boolean tooDeep(int c) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            return ++depth > MAX_DEPTH;
        } else if (c == ']' || c == '}') {
            depth--;
        }
        return false;
    }

    /** Whether the whole text nests deeper than {@link #MAX_DEPTH}. */
    public static boolean tooDeep(CharSequence text) {
        JsonNesting nesting = new JsonNesting();
        for (int i = 0; i < text.length(); i++) {
            if (nesting.tooDeep(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
