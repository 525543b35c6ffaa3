package io.livepush.encoder.sei;

import static io.livepush.encoder.TestBytes.concat;
import static io.livepush.encoder.TestBytes.hex;
import static io.livepush.encoder.TestBytes.repeat;
import static io.livepush.encoder.TestBytes.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeiUserDataUnregisteredTest {
    /** LIVEPUSH_UUID: "livepush-SEI-v1 " in ASCII. */
    private static final String LIVEPUSH_UUID_HEX = "6c 69 76 65 70 75 73 68 2d 53 45 49 2d 76 31 20";

    @Test
    void livePushUuidIsTheAsciiOfLivepushSeiV1() {
        assertArrayEquals(hex(LIVEPUSH_UUID_HEX), SeiUserDataUnregistered.uuidBytes(SeiUserDataUnregistered.LIVEPUSH_UUID));
        assertEquals("livepush-SEI-v1 ", new String(hex(LIVEPUSH_UUID_HEX), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void oneBytePayloadIsWrittenByteExactly() {
        byte[] nal = SeiUserDataUnregistered.of(new byte[] {0x42}).toNalUnit();
        byte[] expected = hex("06" // nal_unit_header: forbidden 0, nal_ref_idc 0, type 6 (SEI)
                + "05" // last_payload_type_byte: 5 = user_data_unregistered
                + "11" // last_payload_size_byte: 17 = 16 (uuid) + 1
                + LIVEPUSH_UUID_HEX // uuid_iso_iec_11578
                + "42" // user_data_payload_byte
                + "80"); // rbsp_stop_one_bit + 7 alignment zero bits
        assertArrayEquals(expected, nal, toHex(nal));
    }

    @Test
    void payloadOf255BytesCodesItsSizeAsFf10() {
        byte[] payload = repeat(0x41, 255);
        byte[] nal = SeiUserDataUnregistered.of(payload).toNalUnit();
        byte[] expected = concat(
                hex("06" // SEI NAL header
                        + "05" // payloadType 5
                        + "ff 10" // payloadSize 271 = ff_byte (255) + last_payload_size_byte 16
                        + LIVEPUSH_UUID_HEX),
                payload, // 255 x 'A'
                hex("80")); // rbsp_trailing_bits
        assertArrayEquals(expected, nal, toHex(nal));
        assertEquals(1 + 1 + 2 + 16 + 255 + 1, nal.length);
    }

    @Test
    void payloadOf239BytesCodesSize255AsFf00() {
        byte[] payload = repeat(0x41, 239);
        byte[] nal = SeiUserDataUnregistered.of(payload).toNalUnit();
        // payloadSize 255 cannot be one byte (0xFF means "more follows"): ff_byte then 00.
        assertArrayEquals(hex("06 05 ff 00" + LIVEPUSH_UUID_HEX), java.util.Arrays.copyOf(nal, 20), toHex(nal));
        assertEquals(SeiUserDataUnregistered.of(payload), SeiUserDataUnregistered.parse(nal));
    }

    static Stream<Arguments> emulationCases() {
        return Stream.of(
                // payload,            escaped payload as it appears in the NAL
                Arguments.of("00 00 00", "00 00 03 00"),
                Arguments.of("00 00 01", "00 00 03 01"),
                Arguments.of("00 00 02", "00 00 03 02"),
                Arguments.of("00 00 03", "00 00 03 03"),
                // 00 00 04 needs no escape: only 00..03 after two zeros is forbidden
                Arguments.of("00 00 04", "00 00 04"),
                // six zeros: an 03 after every second zero, the zero count restarting after each 03
                Arguments.of("00 00 00 00 00 00", "00 00 03 00 00 03 00 00"),
                // trailing zeros before rbsp_trailing_bits 0x80 stay as they are (0x80 > 0x03)
                Arguments.of("05 00 00", "05 00 00"),
                Arguments.of("01 00 00 03 00 00 01", "01 00 00 03 03 00 00 03 01"));
    }

    @ParameterizedTest(name = "payload {0} is written as {1}")
    @MethodSource("emulationCases")
    void emulationPreventionIsAppliedInsideThePayload(String payload, String escaped) {
        byte[] p = hex(payload);
        byte[] nal = SeiUserDataUnregistered.of(p).toNalUnit();
        byte[] expected = hex("06 05" // header, payloadType 5
                + String.format("%02x", 16 + p.length) // payloadSize
                + LIVEPUSH_UUID_HEX // uuid
                + escaped // payload with emulation_prevention_three_bytes
                + "80"); // trailing bits
        assertArrayEquals(expected, nal, toHex(nal));
        assertArrayEquals(p, SeiUserDataUnregistered.parse(nal).payload());
    }

    @Test
    void zeroRunAcrossTheUuidPayloadBorderIsEscaped() {
        byte[] uuid = hex("11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 00 00");
        byte[] nal = SeiUserDataUnregistered.of(uuid, hex("01 02")).toNalUnit();
        byte[] expected = hex("06 05 12" // header, payloadType 5, payloadSize 18
                + "11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 00 00" // uuid ending in two zeros
                + "03" // emulation_prevention_three_byte: 00 00 then payload byte 01
                + "01 02" // payload
                + "80"); // trailing bits
        assertArrayEquals(expected, nal, toHex(nal));
        SeiUserDataUnregistered back = SeiUserDataUnregistered.parse(nal);
        assertArrayEquals(uuid, back.uuidBytes());
        assertArrayEquals(hex("01 02"), back.payload());
    }

    @Test
    void zeroRunAcrossTheSizeUuidBorderIsEscaped() {
        // payloadSize 255 is coded ff 00; a UUID starting 00 00 00 makes 00 00 00 right after it.
        byte[] uuid = hex("00 00 00 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10");
        byte[] nal = SeiUserDataUnregistered.of(uuid, repeat(0x41, 239)).toNalUnit();
        assertArrayEquals(hex("06 05 ff" // header, type 5, ff_byte
                + "00" // last_payload_size_byte 0 (255 + 0 = 255 = 16 + 239)
                + "00" // uuid byte 0: with the size byte, two zeros
                + "03" // emulation_prevention_three_byte, because uuid byte 1 is 00
                + "00 00 04" // uuid bytes 1..3: 00 00 04 needs no escape
        ), java.util.Arrays.copyOf(nal, 9), toHex(nal));
        assertArrayEquals(uuid, SeiUserDataUnregistered.parse(nal).uuidBytes());
    }

    @Test
    void emptyPayloadIsRejectedNamingTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeiUserDataUnregistered.of(new byte[0]));
        assertEquals("SEI payload is 0 bytes (expected 1..255)", e.getMessage());
    }

    @Test
    void payloadOf256BytesIsRejectedNamingTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeiUserDataUnregistered.of(new byte[256]));
        assertEquals("SEI payload is 256 bytes (expected 1..255)", e.getMessage());
    }

    @Test
    void uuidOfWrongLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeiUserDataUnregistered.of(new byte[15], new byte[1]));
        assertEquals("SEI UUID is 15 bytes (expected 16 bytes)", e.getMessage());
    }

    @Test
    void everyPayloadLengthSurvivesARoundTrip() {
        UUID uuid = UUID.fromString("00000000-0000-0000-0000-000000000001");
        java.util.Random random = new java.util.Random(7);
        for (int n = 1; n <= 255; n++) {
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                payload[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(4));
            }
            SeiUserDataUnregistered back = SeiUserDataUnregistered.parse(SeiUserDataUnregistered.of(uuid, payload).toNalUnit());
            assertEquals(uuid, back.uuid());
            assertArrayEquals(payload, back.payload(), "length " + n);
        }
    }

    @Test
    void parseAllReadsSeveralMessagesAndSkipsOtherPayloadTypes() {
        byte[] nal = hex("06" // SEI header
                + "05 11" + LIVEPUSH_UUID_HEX + "aa" // user_data_unregistered, 1 byte
                + "01 02 12 34" // pic_timing (type 1), 2 bytes, skipped
                + "05 12" + LIVEPUSH_UUID_HEX + "bb cc" // user_data_unregistered, 2 bytes
                + "80");
        List<SeiUserDataUnregistered> all = SeiUserDataUnregistered.parseAll(nal);
        assertEquals(2, all.size());
        assertArrayEquals(hex("aa"), all.get(0).payload());
        assertArrayEquals(hex("bb cc"), all.get(1).payload());
        assertArrayEquals(hex("aa"), SeiUserDataUnregistered.parse(nal).payload());
    }

    @Test
    void parseRejectsANalUnitThatIsNotSei() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeiUserDataUnregistered.parse(hex("65 88 84 00 80")));
        assertEquals("NAL unit type is 5 (expected 6, SEI)", e.getMessage());
    }

    @Test
    void parseRejectsAPayloadSizeRunningPastTheEnd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeiUserDataUnregistered.parse(hex("06 05 20" + LIVEPUSH_UUID_HEX + "aa 80")));
        assertEquals("SEI payloadSize is 32 bytes but only 17 bytes remain before rbsp_trailing_bits", e.getMessage());
    }

    @Test
    void parseRejectsAMessageWithoutAnyUserDataUnregistered() {
        assertThrows(IllegalArgumentException.class, () -> SeiUserDataUnregistered.parse(hex("06 01 02 12 34 80")));
    }
}
