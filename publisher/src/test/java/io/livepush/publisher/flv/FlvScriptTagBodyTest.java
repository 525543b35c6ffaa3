package io.livepush.publisher.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.amf.Amf0Reader;
import io.livepush.publisher.amf.WireBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SCRIPTDATA bodies: onMetaData (FLV v10.1 E.5) and the RTMP @setDataFrame data message. */
class FlvScriptTagBodyTest {

    private static final FlvMetaData META = FlvMetaData.builder().size(1280, 720).frameRate(30)
            .videoDataRateKbps(2500).audio(48000, true, 128).encoder("LivePush 0.1").build();

    /** The ECMA array of {@link #META}, field by field. */
    private static WireBytes ecmaArray(WireBytes b) {
        return b.hex("08 0000000B")                                       // ECMA array, 11 entries
                .hex("0005").ascii("width").hex("00 4094000000000000")     // width 1280
                .hex("0006").ascii("height").hex("00 4086800000000000")    // height 720
                .hex("0009").ascii("framerate").hex("00 403E000000000000") // framerate 30
                .hex("000C").ascii("videocodecid").hex("00 401C000000000000")   // 7 = AVC
                .hex("000D").ascii("videodatarate").hex("00 40A3880000000000")  // 2500 kbps
                .hex("000C").ascii("audiocodecid").hex("00 4024000000000000")   // 10 = AAC
                .hex("000D").ascii("audiodatarate").hex("00 4060000000000000")  // 128 kbps
                .hex("000F").ascii("audiosamplerate").hex("00 40E7700000000000") // 48000 Hz
                .hex("000F").ascii("audiosamplesize").hex("00 4030000000000000") // 16 bits
                .hex("0006").ascii("stereo").hex("01 01")                   // stereo true
                .hex("0007").ascii("encoder").hex("02 000C").ascii("LivePush 0.1") // encoder name
                .hex("0000 09");                                            // object end
    }

    @Test
    void setDataFrameIsTheHandlerNameTheEventNameAndTheEcmaArray() {
        ByteBuf body = FlvScriptTagBody.setDataFrame(UnpooledByteBufAllocator.DEFAULT, META.toEcmaArray());
        byte[] want = ecmaArray(new WireBytes()
                .hex("02 000D").ascii("@setDataFrame")   // string: the data handler
                .hex("02 000A").ascii("onMetaData"))     // string: the event name
                .toArray();
        assertEquals(WireBytes.hexOf(want), WireBytes.hexOf(WireBytes.of(body)));
        assertEquals(want.length, body.capacity(), "allocated once at the exact size");
        body.release();
    }

    @Test
    void onMetaDataIsTheEventNameAndTheEcmaArray() {
        ByteBuf body = FlvScriptTagBody.onMetaData(UnpooledByteBufAllocator.DEFAULT, META.toEcmaArray());
        byte[] want = ecmaArray(new WireBytes().hex("02 000A").ascii("onMetaData")).toArray();
        assertEquals(WireBytes.hexOf(want), WireBytes.hexOf(WireBytes.of(body)));
        body.release();
    }

    @Test
    void aPlainMapIsWrittenAsAnEcmaArrayInItsOrder() throws Exception {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("b", 2.0);
        plain.put("a", 1.0);
        ByteBuf body = FlvScriptTagBody.onMetaData(UnpooledByteBufAllocator.DEFAULT, plain);
        List<Object> values = Amf0Reader.readAll(body);
        assertEquals("onMetaData", values.get(0));
        Amf0EcmaArray back = (Amf0EcmaArray) values.get(1);
        assertEquals(List.of("b", "a"), List.copyOf(back.keySet()));
        body.release();
    }
}
