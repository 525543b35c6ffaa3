package io.livepush.publisher.flv;

import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.amf.Amf0Writer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Map;

/**
 * SCRIPTDATA tag bodies (FLV v10.1 spec, E.4.4.1 "SCRIPTDATA" and E.5 "onMetaData"): AMF0 values.
 *
 * <ul>
 * <li>{@link #onMetaData}: string {@code "onMetaData"}, then an ECMA array of the fields: the body of
 *     the script tag at the start of an FLV file.</li>
 * <li>{@link #setDataFrame}: string {@code "@setDataFrame"}, string {@code "onMetaData"}, then the ECMA
 *     array: what RTMP publishers send as an AMF0 data message (type 18); the server strips
 *     {@code @setDataFrame} and keeps the rest for its players and recordings.</li>
 * </ul>
 *
 * <p>The metadata map is written as an ECMA array (0x08) whatever its Java type, in its iteration
 * order. The size is computed first and the body allocated once; the caller owns (and must release)
 * the returned buffer. Stateless and thread-safe.
 */
public final class FlvScriptTagBody {
    /** The name of the metadata script event. */
    public static final String ON_META_DATA = "onMetaData";
    /** The RTMP data-message handler that makes the server store the following data. */
    public static final String SET_DATA_FRAME = "@setDataFrame";

    private FlvScriptTagBody() {
    }

    /**
     * @param alloc where to allocate the body
     * @param metadata the fields, e.g. {@link FlvMetaData#toEcmaArray()}
     * @return string "onMetaData" + ECMA array
     * @throws IllegalArgumentException if a value cannot be written as AMF0
     */
    public static ByteBuf onMetaData(ByteBufAllocator alloc, Map<String, Object> metadata) {
        return body(alloc, new Object[] {ON_META_DATA, ecma(metadata)});
    }

    /**
     * @param alloc where to allocate the body
     * @param metadata the fields, e.g. {@link FlvMetaData#toEcmaArray()}
     * @return string "@setDataFrame" + string "onMetaData" + ECMA array
     * @throws IllegalArgumentException if a value cannot be written as AMF0
     */
    public static ByteBuf setDataFrame(ByteBufAllocator alloc, Map<String, Object> metadata) {
        return body(alloc, new Object[] {SET_DATA_FRAME, ON_META_DATA, ecma(metadata)});
    }

    private static Amf0EcmaArray ecma(Map<String, Object> metadata) {
        return metadata instanceof Amf0EcmaArray a ? a : new Amf0EcmaArray(metadata);
    }

    private static ByteBuf body(ByteBufAllocator alloc, Object[] values) {
        int size = 0;
        for (Object v : values) {
            size += Amf0Writer.sizeOf(v);
        }
        ByteBuf body = alloc.buffer(size);
        try {
            Amf0Writer.writeAll(body, values);
            return body;
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
    }
}
