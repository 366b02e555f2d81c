package kr.chamyeo.platform.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import kr.chamyeo.platform.text.KoreanText;

/**
 * Reads request bodies strictly, so that what a client sent is either stored exactly or refused with a 400:
 * text after the JSON document, numbers or booleans sent as strings, and empty or blank strings standing in
 * for a value are all errors instead of being quietly dropped or turned into null. Every string is read in NFC
 * ({@link KoreanText}): Hangul sent decomposed (NFD) is stored and compared as the precomposed text it shows.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("nfc-strings").addDeserializer(String.class, new NfcStrings()));
    }

    /** Jackson's own string reading (with the coercion rules above), then NFC. */
    static final class NfcStrings extends JsonDeserializer<String> {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return KoreanText.nfc(StringDeserializer.instance.deserialize(parser, context));
        }
    }
}
