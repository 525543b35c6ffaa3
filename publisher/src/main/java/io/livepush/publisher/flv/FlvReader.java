package io.livepush.publisher.flv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads an FLV file tag by tag (FLV v10.1 spec, E.2 "The FLV header" and E.3 "The FLV File Body"),
 * checking the structure as it goes: the signature, version 1, a DataOffset of at least 9 (extra
 * header bytes are skipped), PreviousTagSize0 = 0, each tag's reserved and Filter bits, TagType 8, 9
 * or 18, StreamID 0, and each PreviousTagSize = 11 + DataSize of the tag before it. A file may end
 * only right after a PreviousTagSize; anything else is reported as truncated with its byte offset.
 *
 * <p>The header is read by the constructor. Tag bodies are returned as byte arrays; their contents
 * are not parsed here (see {@link FlvVideoTagBody#parse}, {@link FlvAudioTagBody#parse}).
 *
 * <p><b>Threads:</b> not thread-safe; confine a reader to one thread. {@link #close()} closes the
 * stream and is idempotent.
 */
public final class FlvReader implements AutoCloseable {
    private final InputStream in;
    private final boolean hasAudio;
    private final boolean hasVideo;
    private final byte[] tagHeader = new byte[FlvWriter.TAG_HEADER_SIZE];
    private long offset;
    private boolean closed;

    /**
     * Reads the FLV header from {@code in}.
     *
     * @param in the file's bytes; this reader owns the stream and closes it in {@link #close()}
     * @throws FlvFormatException if the header is not a valid FLV header
     * @throws IOException if reading fails
     */
    public FlvReader(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        byte[] h = new byte[FlvWriter.HEADER_SIZE];
        readFully(h, "FLV header");
        if (h[0] != 'F' || h[1] != 'L' || h[2] != 'V') {
            throw new FlvFormatException(String.format(
                    "FLV signature is %02X %02X %02X (expected 46 4C 56, \"FLV\")", h[0], h[1], h[2]));
        }
        if (h[3] != 1) {
            throw new FlvFormatException("FLV version is " + (h[3] & 0xFF) + " (expected 1)");
        }
        hasAudio = (h[4] & 0x04) != 0;
        hasVideo = (h[4] & 0x01) != 0;
        long dataOffset = u32(h, 5);
        if (dataOffset < FlvWriter.HEADER_SIZE) {
            throw new FlvFormatException("FLV DataOffset is " + dataOffset + " (expected at least 9)");
        }
        skipFully(dataOffset - FlvWriter.HEADER_SIZE);
        byte[] p = new byte[4];
        readFully(p, "PreviousTagSize0");
        if (u32(p, 0) != 0) {
            throw new FlvFormatException("PreviousTagSize0 is " + u32(p, 0) + " (expected 0)");
        }
    }

    /**
     * Opens a file and reads its header.
     *
     * @param file the FLV file
     * @return a reader that owns the file stream
     * @throws FlvFormatException if the header is not a valid FLV header
     * @throws IOException if the file cannot be read
     */
    public static FlvReader open(Path file) throws IOException {
        InputStream s = Files.newInputStream(file);
        try {
            return new FlvReader(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** @return TypeFlagsAudio from the header */
    public boolean hasAudio() {
        return hasAudio;
    }

    /** @return TypeFlagsVideo from the header */
    public boolean hasVideo() {
        return hasVideo;
    }

    /**
     * Reads the next tag.
     *
     * @return the tag, or {@code null} at the end of the file
     * @throws FlvFormatException if the tag or its PreviousTagSize is malformed or truncated
     * @throws IOException if reading fails
     */
    public FlvTag next() throws IOException {
        if (closed) {
            throw new IllegalStateException("FlvReader is closed");
        }
        long tagOffset = offset;
        int first = in.read();
        if (first < 0) {
            return null;
        }
        offset++;
        tagHeader[0] = (byte) first;
        readFully(tagHeader, 1, tagHeader.length - 1, "tag header at offset " + tagOffset);
        if ((first & 0xC0) != 0) {
            throw new FlvFormatException(String.format("tag at offset %d has reserved bits set in 0x%02X (expected 0)",
                    tagOffset, first));
        }
        if ((first & 0x20) != 0) {
            throw new FlvFormatException("tag at offset " + tagOffset
                    + " has the Filter bit set: encrypted tags are not supported");
        }
        FlvTagType type = FlvTagType.ofId(first & 0x1F);
        if (type == null) {
            throw new FlvFormatException("tag at offset " + tagOffset + " has TagType " + (first & 0x1F)
                    + " (expected 8 audio, 9 video or 18 script data)");
        }
        int dataSize = u24(tagHeader, 1);
        long timestamp = (long) (tagHeader[7] & 0xFF) << 24 | u24(tagHeader, 4);
        int streamId = u24(tagHeader, 8);
        if (streamId != 0) {
            throw new FlvFormatException("tag at offset " + tagOffset + " has StreamID " + streamId + " (expected 0)");
        }
        byte[] body = in.readNBytes(dataSize); // reads in chunks: a lying DataSize cannot allocate ahead of data
        offset += body.length;
        if (body.length < dataSize) {
            throw new FlvFormatException("truncated " + type + " tag at offset " + tagOffset + ": DataSize "
                    + dataSize + ", but the file ends after " + body.length + " bytes of body");
        }
        byte[] p = new byte[4];
        readFully(p, "PreviousTagSize of the tag at offset " + tagOffset);
        long previous = u32(p, 0);
        if (previous != FlvWriter.TAG_HEADER_SIZE + dataSize) {
            throw new FlvFormatException("PreviousTagSize after the tag at offset " + tagOffset + " is " + previous
                    + " (expected " + (FlvWriter.TAG_HEADER_SIZE + dataSize) + " = 11 + DataSize)");
        }
        return new FlvTag(type, timestamp, body);
    }

    /** Closes the stream; later calls do nothing. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }

    private void readFully(byte[] b, String what) throws IOException {
        readFully(b, 0, b.length, what);
    }

    private void readFully(byte[] b, int off, int len, String what) throws IOException {
        int n = in.readNBytes(b, off, len);
        offset += n;
        if (n < len) {
            throw new FlvFormatException("truncated " + what + ": the file ends after " + (off + n) + " of "
                    + (off + len) + " bytes");
        }
    }

    private void skipFully(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && in.read() >= 0) {
            skipped++;
        }
        offset += skipped;
        if (skipped < n) {
            throw new FlvFormatException("truncated FLV header: DataOffset points " + n + " bytes past the header"
                    + ", the file ends after " + skipped);
        }
    }

    private static int u24(byte[] b, int i) {
        return (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
    }

    private static long u32(byte[] b, int i) {
        return (long) (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }
}
