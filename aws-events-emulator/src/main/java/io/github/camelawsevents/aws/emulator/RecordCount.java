package io.github.camelawsevents.aws.emulator;

/**
 * How many records a Supply Chain event's {@code data} holds: the elements of a JSON array, or 1 for anything else
 * (one record). A pure scan of the text, without building a tree, for the statistics of every stored event.
 */
final class RecordCount {

    private RecordCount() {
    }

    static int of(String data) {
        if (data == null) {
            return 0;
        }
        int i = 0;
        int n = data.length();
        while (i < n && Character.isWhitespace(data.charAt(i))) {
            i++;
        }
        if (i == n || data.charAt(i) != '[') {
            return 1;
        }
        int depth = 0;
        int commas = 0;
        boolean inString = false;
        boolean anyValue = false;
        for (; i < n; i++) {
            char c = data.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    anyValue |= depth == 1;
                }
                case '[', '{' -> {
                    depth++;
                    anyValue |= depth > 1;
                }
                case ']', '}' -> depth--;
                case ',' -> {
                    if (depth == 1) {
                        commas++;
                    }
                }
                default -> anyValue |= depth == 1 && !Character.isWhitespace(c);
            }
        }
        return anyValue ? commas + 1 : 0;
    }
}
