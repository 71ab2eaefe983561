package dev.steelyard.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

class TextInputTest {

    record Note(String text, Map<String, String> tags) {
    }

    record Terms(Integer days) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new TextInput().customize(mapper);
        return mapper;
    }

    @Test
    void aNulCharacterInAnyStringOfTheBodyIsRefusedNamingTheField() {
        InvalidFormatException refused = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"text\":\"a\\u0000b\",\"tags\":{}}", Note.class));
        assertEquals("text", ProblemMappers.pathOf(refused));
        InvalidFormatException nested = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"text\":\"fine\",\"tags\":{\"k\":\"\\u0000\"}}", Note.class));
        assertEquals("tags.k", ProblemMappers.pathOf(nested));
    }

    @Test
    void halfASurrogatePairIsRefusedAndAWholeOneIsText() throws Exception {
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"text\":\"bad\\ud800\"}", Note.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"text\":\"\\udc00bad\"}", Note.class));
        assertEquals("Stahl \uD83D\uDE00 Ümlaut", mapper.readValue("{\"text\":\"Stahl \\ud83d\\ude00 Ümlaut\"}",
                Note.class).text());
    }

    @Test
    void aNulCharacterForANumberIsRefusedNotTakenForAbsent() throws Exception {
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"days\":\"\\u0000\"}", Terms.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"days\":\" \"}", Terms.class));
        assertEquals(new Terms(null), mapper.readValue("{\"days\":null}", Terms.class));
        assertEquals(new Terms(10), mapper.readValue("{\"days\":\"10\"}", Terms.class));
    }
}
