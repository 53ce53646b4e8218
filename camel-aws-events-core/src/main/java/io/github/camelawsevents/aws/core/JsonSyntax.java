package io.github.camelawsevents.aws.core;

/**
 * A one-pass, allocation-free scan of JSON text (RFC 8259) that answers "surely well-formed, with this root" or "not
 * sure". It is the fast path of {@link Json#checkWellFormed}: whenever it answers, Jackson with the project's settings
 * accepts the same text; for anything else (malformed text, and the corners where Jackson's limits could apply: very
 * deep nesting, long numbers, names or strings) it answers null and Jackson decides and names the fault. So the
 * answer for a text never depends on which path ran, and the scan may stay strict and simple.
 */
final class JsonSyntax {

    /** Containers nested deeper than this go to Jackson (which refuses beyond {@link Json#MAX_NESTING_DEPTH}). */
    static final int MAX_DEPTH = Json.MAX_NESTING_DEPTH;
    /** Numbers longer than this go to Jackson (its default limit is 1,000 characters). */
    static final int MAX_NUMBER_CHARS = 100;
    /** Strings and names longer than this go to Jackson (its limits are 50,000 for names, 20,000,000 for values). */
    static final int MAX_STRING_CHARS = 10_000;

    private final String text;
    private final int end;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
        this.end = text.length();
    }

    /**
     * The root of {@code text} when it is surely exactly one well-formed JSON value (surrounded by JSON whitespace
     * only), else null: malformed, blank, or a corner that Jackson's limits decide.
     */
    static Json.Root rootIfSurelyValid(String text) {
        if (text == null) {
            return null;
        }
        return new JsonSyntax(text).scan();
    }

    private Json.Root scan() {
        skipWhitespace();
        if (pos >= end) {
            return null;
        }
        char first = text.charAt(pos);
        if (!value(0)) {
            return null;
        }
        skipWhitespace();
        if (pos != end) {
            return null;
        }
        return first == '{' ? Json.Root.OBJECT : first == '[' ? Json.Root.ARRAY : Json.Root.SCALAR;
    }

    /** One value at {@code pos} (no leading whitespace); leaves {@code pos} after it. */
    private boolean value(int depth) {
        if (pos >= end) {
            return false;
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return (c == '-' || (c >= '0' && c <= '9')) && number();
        }
    }

    private boolean object(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        pos++; // '{'
        skipWhitespace();
        if (pos < end && text.charAt(pos) == '}') {
            pos++;
            return true;
        }
        while (true) {
            if (pos >= end || text.charAt(pos) != '"' || !string()) {
                return false;
            }
            skipWhitespace();
            if (pos >= end || text.charAt(pos) != ':') {
                return false;
            }
            pos++;
            skipWhitespace();
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (pos >= end) {
                return false;
            }
            char c = text.charAt(pos++);
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return false;
            }
            skipWhitespace();
        }
    }

    private boolean array(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        pos++; // '['
        skipWhitespace();
        if (pos < end && text.charAt(pos) == ']') {
            pos++;
            return true;
        }
        while (true) {
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (pos >= end) {
                return false;
            }
            char c = text.charAt(pos++);
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                return false;
            }
            skipWhitespace();
        }
    }

    /** A string at {@code pos} (its opening quote): escapes checked, no raw control character, bounded length. */
    private boolean string() {
        int start = ++pos;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return pos - start <= MAX_STRING_CHARS;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (!escape()) {
                    return false;
                }
            } else {
                pos++;
            }
        }
        return false;
    }

    private boolean escape() {
        pos++; // '\\'
        if (pos >= end) {
            return false;
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return true;
            case 'u':
                if (pos + 4 > end) {
                    return false;
                }
                for (int i = 0; i < 4; i++) {
                    if (Character.digit(text.charAt(pos++), 16) < 0) {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, followed by a structural character or the end. */
    private boolean number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        if (pos >= end) {
            return false;
        }
        char c = text.charAt(pos);
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            return false;
        }
        if (pos < end && text.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                return false;
            }
        }
        if (pos < end && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < end && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                return false;
            }
        }
        return pos - start <= MAX_NUMBER_CHARS && endsToken();
    }

    private int digits() {
        int start = pos;
        while (pos < end && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    private boolean literal(String word) {
        if (!text.startsWith(word, pos)) {
            return false;
        }
        pos += word.length();
        return endsToken();
    }

    /** A scalar must be followed by whitespace, a structural character or the end (Jackson refuses {@code truex}). */
    private boolean endsToken() {
        if (pos >= end) {
            return true;
        }
        char c = text.charAt(pos);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}';
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
