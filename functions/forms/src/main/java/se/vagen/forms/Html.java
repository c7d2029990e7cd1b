package se.vagen.forms;

import se.vagen.i18n.Texts;

/**
 * A tiny HTML builder that escapes every text and attribute value: pages are built from calls, never by
 * concatenating input into markup. Attributes are given as name/value pairs; a null value leaves the attribute
 * out, an empty value writes a boolean attribute ({@code checked}).
 */
public final class Html {

    private final StringBuilder out = new StringBuilder(4096);

    /** {@code <tag a="v" ...>} */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** A void element such as {@code <input ...>} or {@code <meta ...>}. */
    public Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag ...>text</tag>} with the text escaped. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Html text(String text) {
        out.append(escape(text == null ? "" : text));
        return this;
    }

    public Html newline() {
        out.append('\n');
        return this;
    }

    /** Markup that is a constant of this code base (e.g. the doctype); never pass input here. */
    Html constant(String markup) {
        out.append(markup);
        return this;
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("not an attribute name: " + name);
            }
            if (value == null) {
                continue;
            }
            out.append(' ').append(name);
            if (!value.isEmpty()) {
                out.append("=\"").append(escape(value)).append('"');
            }
        }
    }

    public static String escape(String s) {
        return Texts.escape(s);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
