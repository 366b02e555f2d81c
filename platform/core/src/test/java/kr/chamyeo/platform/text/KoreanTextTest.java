package kr.chamyeo.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.platform.json.StrictJson;

class KoreanTextTest {

    static final String DOKSAN1 = "독산1동";
    static final String DOKSAN1_NFD = Normalizer.normalize(DOKSAN1, Normalizer.Form.NFD);

    @Test
    void aDongTypedDecomposedOrWithOddSpacingIsTheSameDong() {
        assertNotEquals(DOKSAN1, DOKSAN1_NFD, "the NFD spelling is another string (8 jamo and a digit)");
        assertEquals(DOKSAN1, KoreanText.nfc(DOKSAN1_NFD));
        assertEquals(DOKSAN1, KoreanText.dong(DOKSAN1_NFD));
        assertEquals(DOKSAN1, KoreanText.dong(" 독산 1동\u00a0"));
        assertEquals(DOKSAN1, KoreanText.dong("\u3000독산1동\t"));
        assertNull(KoreanText.dong(null));
    }

    @Test
    void everyJsonStringIsReadInNfcWhereverItSits() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        String nfd = "\"" + DOKSAN1_NFD + "\"";
        assertEquals(DOKSAN1, mapper.readValue(nfd, String.class));
        assertEquals(List.of(DOKSAN1), mapper.readValue("[" + nfd + "]", new TypeReference<List<String>>() { }));
        assertEquals(Map.of("dong", DOKSAN1), mapper.readValue("{\"dong\":" + nfd + "}", new TypeReference<Map<String, String>>() { }));
        assertEquals("독산동 어린이 놀이터", mapper.readValue("\"" + Normalizer.normalize("독산동 어린이 놀이터", Normalizer.Form.NFD) + "\"",
                String.class), "titles keep their spaces, only the form changes");
    }
}
