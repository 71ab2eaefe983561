package dev.steelyard.chassis.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Text that no field may hold: a NUL character (PostgreSQL text cannot store it, so it failed as
 * an internal error) or half of a surrogate pair (not a character at all; it would be stored as
 * '?'). Every string a request body carries is checked as it is read, so the answer is a 400
 * naming the field, and nothing is written.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("steelyard-text").addDeserializer(String.class, new CheckedString()));
        // Jackson takes a string of control characters and spaces for a number or date as absent
        // (null); "\u0000" for a number of days would pass as no number at all. Only "" means absent.
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
    }

    /** The reason a text is refused, or null when it is fine. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must not contain half of a surrogate pair";
            }
        }
        return null;
    }

    /** Jackson's own string reading, then the check. */
    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = problem(text);
            if (problem != null) {
                throw InvalidFormatException.from(parser, problem, text, String.class);
            }
            return text;
        }
    }
}
