package io.livepush.cohost.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON form of a token's claims: {@code {"sub":USER,"role":"HOST"|"GUEST","room":ROOM,"exp":EPOCH_MS}},
 * UTF-8, fields in that order when written, any order when read; unknown fields are refused so a
 * signed token means exactly one thing.
 */
final class TokenClaims {
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(1024).build())
            .build();

    private TokenClaims() {
    }

    static byte[] write(CohostToken token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sub", token.userId());
            g.writeStringField("role", token.role().name());
            g.writeStringField("room", token.roomId());
            g.writeNumberField("exp", token.expiresAt().toEpochMilli());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the claims, or throws {@link IllegalArgumentException} saying what is wrong */
    static CohostToken read(byte[] json) {
        String sub = null;
        String role = null;
        String room = null;
        Long exp = null;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("claims are not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "sub" -> sub = text(p, v, name);
                    case "role" -> role = text(p, v, name);
                    case "room" -> room = text(p, v, name);
                    case "exp" -> {
                        if (v != JsonToken.VALUE_NUMBER_INT) {
                            throw new IllegalArgumentException("claim exp is " + v + " (expected an integer of epoch ms)");
                        }
                        exp = p.getLongValue();
                    }
                    default -> throw new IllegalArgumentException("unknown claim '" + name + "' (expected sub, role, room, exp)");
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("claims are not one flat JSON object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("claims are not valid JSON: " + e.getMessage(), e);
        }
        if (sub == null || role == null || room == null || exp == null) {
            throw new IllegalArgumentException("claims lack one of sub, role, room, exp");
        }
        CohostToken.Role r;
        try {
            r = CohostToken.Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("claim role is '" + role + "' (expected HOST or GUEST)", e);
        }
        return new CohostToken(sub, r, room, Instant.ofEpochMilli(exp));
    }

    private static String text(JsonParser p, JsonToken v, String name) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("claim " + name + " is " + v + " (expected a string)");
        }
        return p.getText();
    }
}
