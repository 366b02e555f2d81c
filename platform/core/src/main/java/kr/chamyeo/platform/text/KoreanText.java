package kr.chamyeo.platform.text;

import java.text.Normalizer;

/**
 * One spelling for one text (issue 23). Hangul can arrive precomposed (NFC: {@code 독산1동} as 4 syllables) or
 * decomposed into jamo (NFD, as macOS file names and some keyboards send it); the two look the same but are
 * different strings, so a dong typed in NFD would match no stored dong, no token's {@code dong} claim and no
 * search. Input text is therefore kept in NFC; names that are compared (a 동 name) also lose every kind of
 * white space, which Seoul's administrative dong names never contain ({@code 독산 1동}, a no-break space, an
 * ideographic space U+3000).
 */
public final class KoreanText {

    private KoreanText() {
    }

    /** NFC form of {@code text} (null stays null); canonically equivalent, so nothing a reader sees changes. */
    public static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A 동 name as it is compared and stored: NFC without any white space; null stays null. */
    public static String dong(String name) {
        if (name == null) {
            return null;
        }
        String text = nfc(name);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
