package io.livepush.encoder.sei;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The SEI message {@code user_data_unregistered} (ISO/IEC 14496-10 §D.1.6 syntax, §D.2.6
 * semantics): a 16-byte {@code uuid_iso_iec_11578} followed by application bytes. LivePush carries
 * 1..255 payload bytes per message.
 *
 * <p>{@link #toNalUnit()} writes one complete SEI NAL unit (§7.3.2.3) holding this single message:
 *
 * <pre>
 * 06                      nal_unit_header: forbidden_zero_bit 0, nal_ref_idc 0, nal_unit_type 6
 * 05                      last_payload_type_byte: payloadType 5
 * [FF ...] NN             payloadSize = 16 + payload length, as 0xFF bytes plus a last byte &lt; 0xFF
 * uuid (16) payload (n)   user_data_unregistered()
 * 80                      rbsp_trailing_bits: stop bit, then zero bits to the byte boundary
 * </pre>
 *
 * with emulation prevention ({@link EmulationPrevention}) applied to everything after the NAL
 * header byte. Immutable; the arrays given are copied.
 */
public final class SeiUserDataUnregistered {
    /** The NAL unit type of SEI (Table 7-1). */
    public static final int NAL_UNIT_TYPE = 6;
    /** payloadType of user_data_unregistered (Annex D). */
    public static final int PAYLOAD_TYPE = 5;
    /** Smallest application payload, in bytes. */
    public static final int MIN_PAYLOAD = 1;
    /** Largest application payload, in bytes. */
    public static final int MAX_PAYLOAD = 255;
    /** Length of {@code uuid_iso_iec_11578}. */
    public static final int UUID_LENGTH = 16;
    /**
     * The UUID LivePush writes unless told otherwise: {@code 6c697665-7075-7368-2d53-45492d763120},
     * whose bytes spell {@code "livepush-SEI-v1 "} in ASCII: easy to spot in a hex dump, and free of
     * zero bytes so it never needs emulation prevention itself.
     */
    public static final UUID LIVEPUSH_UUID = UUID.fromString("6c697665-7075-7368-2d53-45492d763120");

    private final byte[] uuid;
    private final byte[] payload;

    private SeiUserDataUnregistered(byte[] uuid, byte[] payload) {
        this.uuid = uuid;
        this.payload = payload;
    }

    /**
     * @param payload 1..255 bytes, copied
     * @return a message with {@link #LIVEPUSH_UUID}
     * @throws IllegalArgumentException for a null, empty or over-long payload
     */
    public static SeiUserDataUnregistered of(byte[] payload) {
        return of(LIVEPUSH_UUID, payload);
    }

    /**
     * @param uuid the {@code uuid_iso_iec_11578} that tells readers what the payload means
     * @param payload 1..255 bytes, copied
     * @return the message, holding copies of the bytes
     * @throws IllegalArgumentException for a null UUID or a null, empty or over-long payload
     */
    public static SeiUserDataUnregistered of(UUID uuid, byte[] payload) {
        if (uuid == null) {
            throw new IllegalArgumentException("SEI UUID is null (expected a UUID, e.g. LIVEPUSH_UUID)");
        }
        return of(uuidBytes(uuid), payload);
    }

    /**
     * @param uuid exactly 16 bytes, copied
     * @param payload 1..255 bytes, copied
     * @return the message, holding copies of the bytes
     * @throws IllegalArgumentException for a UUID that is not 16 bytes or a bad payload
     */
    public static SeiUserDataUnregistered of(byte[] uuid, byte[] payload) {
        if (uuid == null || uuid.length != UUID_LENGTH) {
            throw new IllegalArgumentException("SEI UUID is " + (uuid == null ? "null" : uuid.length + " bytes")
                    + " (expected 16 bytes)");
        }
        requirePayload(payload);
        return new SeiUserDataUnregistered(uuid.clone(), payload.clone());
    }

    /**
     * Checks an application payload's length.
     *
     * @param payload the application's bytes; allowed 1..255 of them
     * @throws IllegalArgumentException e.g. "SEI payload is 300 bytes (expected 1..255)"
     */
    public static void requirePayload(byte[] payload) {
        if (payload == null) {
            throw new IllegalArgumentException("SEI payload is null (expected 1..255 bytes)");
        }
        if (payload.length < MIN_PAYLOAD || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("SEI payload is " + payload.length + " bytes (expected 1..255)");
        }
    }

    /** @return the UUID */
    public UUID uuid() {
        ByteBuffer b = ByteBuffer.wrap(uuid);
        return new UUID(b.getLong(), b.getLong());
    }

    /** @return a copy of the 16 UUID bytes as written */
    public byte[] uuidBytes() {
        return uuid.clone();
    }

    /** @return a copy of the application payload */
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the SEI payloadSize: 16 UUID bytes plus the application payload */
    public int payloadSize() {
        return UUID_LENGTH + payload.length;
    }

    /** @return the complete SEI NAL unit, without start code or length prefix */
    public byte[] toNalUnit() {
        int size = payloadSize();
        // RBSP: payloadType (1 byte, 5 < 255), payloadSize (0xFF run + last byte), body, trailing bits.
        byte[] rbsp = new byte[1 + size / 255 + 1 + size + 1];
        int p = 0;
        rbsp[p++] = (byte) PAYLOAD_TYPE;
        int rest = size;
        while (rest >= 255) {
            rbsp[p++] = (byte) 0xFF; // ff_byte
            rest -= 255;
        }
        rbsp[p++] = (byte) rest; // last_payload_size_byte
        System.arraycopy(uuid, 0, rbsp, p, UUID_LENGTH);
        p += UUID_LENGTH;
        System.arraycopy(payload, 0, rbsp, p, payload.length);
        p += payload.length;
        rbsp[p++] = (byte) 0x80; // rbsp_stop_one_bit + rbsp_alignment_zero_bits
        byte[] escaped = EmulationPrevention.add(rbsp, 0, p);
        byte[] nal = new byte[1 + escaped.length];
        nal[0] = (byte) NAL_UNIT_TYPE; // forbidden_zero_bit 0, nal_ref_idc 0, nal_unit_type 6
        System.arraycopy(escaped, 0, nal, 1, escaped.length);
        return nal;
    }

    /**
     * Reads the first {@code user_data_unregistered} message of an SEI NAL unit.
     *
     * @param nal one SEI NAL unit, starting with its header byte, without start code
     * @return the message's UUID and payload
     * @throws IllegalArgumentException when it is not an SEI NAL unit, is malformed, or holds no
     *     user_data_unregistered message with 1..255 payload bytes
     */
    public static SeiUserDataUnregistered parse(byte[] nal) {
        List<SeiUserDataUnregistered> all = parseAll(nal);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("SEI NAL unit holds no user_data_unregistered message (payloadType 5)");
        }
        return all.get(0);
    }

    /**
     * Reads every {@code user_data_unregistered} message of an SEI NAL unit, skipping messages of
     * other payload types.
     *
     * @param nal one SEI NAL unit, starting with its header byte, without start code
     * @return the messages in order; empty when the NAL unit holds none
     * @throws IllegalArgumentException when it is not an SEI NAL unit or is malformed
     */
    public static List<SeiUserDataUnregistered> parseAll(byte[] nal) {
        if (nal == null || nal.length < 2) {
            throw new IllegalArgumentException("SEI NAL unit is " + (nal == null ? "null" : nal.length + " bytes")
                    + " (expected a header byte and at least one sei_message)");
        }
        if ((nal[0] & 0x1F) != NAL_UNIT_TYPE) {
            throw new IllegalArgumentException("NAL unit type is " + (nal[0] & 0x1F) + " (expected 6, SEI)");
        }
        byte[] rbsp = EmulationPrevention.remove(nal, 1, nal.length - 1);
        int end = rbsp.length - 1;
        while (end >= 0 && rbsp[end] == 0) {
            end--; // trailing_zero / cabac_zero_words
        }
        if (end < 0 || rbsp[end] != (byte) 0x80) {
            throw new IllegalArgumentException("SEI RBSP does not end with rbsp_trailing_bits 0x80");
        }
        List<SeiUserDataUnregistered> out = new ArrayList<>();
        int p = 0;
        while (p < end) {
            int type = 0;
            while (p < end && rbsp[p] == (byte) 0xFF) {
                type += 255;
                p++;
            }
            if (p >= end) {
                throw new IllegalArgumentException("SEI message truncated inside payloadType");
            }
            type += rbsp[p++] & 0xFF;
            int size = 0;
            while (p < end && rbsp[p] == (byte) 0xFF) {
                size += 255;
                p++;
            }
            if (p >= end) {
                throw new IllegalArgumentException("SEI message truncated inside payloadSize");
            }
            size += rbsp[p++] & 0xFF;
            if (size > end - p) {
                throw new IllegalArgumentException("SEI payloadSize is " + size + " bytes but only " + (end - p)
                        + " bytes remain before rbsp_trailing_bits");
            }
            if (type == PAYLOAD_TYPE) {
                if (size < UUID_LENGTH + MIN_PAYLOAD || size > UUID_LENGTH + MAX_PAYLOAD) {
                    throw new IllegalArgumentException("user_data_unregistered payloadSize is " + size
                            + " bytes (expected 17..271: a 16-byte UUID and 1..255 payload bytes)");
                }
                byte[] uuid = Arrays.copyOfRange(rbsp, p, p + UUID_LENGTH);
                byte[] payload = Arrays.copyOfRange(rbsp, p + UUID_LENGTH, p + size);
                out.add(new SeiUserDataUnregistered(uuid, payload));
            }
            p += size;
        }
        return out;
    }

    /**
     * @param uuid the UUID, never null
     * @return the 16 bytes of a UUID, most significant first
     */
    public static byte[] uuidBytes(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return ByteBuffer.allocate(UUID_LENGTH).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeiUserDataUnregistered other && Arrays.equals(uuid, other.uuid)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(uuid) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "SeiUserDataUnregistered[uuid=" + uuid() + ", " + payload.length + " payload bytes]";
    }
}
