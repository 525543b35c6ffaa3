package io.livepush.publisher.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The body of the RTMP {@code connect} command (RTMP 1.0 section 7.2.1.1) as FFmpeg's publisher sends
 * it: command name, transaction id 1, and the command object {app, type, flashVer, tcUrl}.
 */
class Amf0ConnectCommandTest {

    private static final byte[] CONNECT = new WireBytes()
            .hex("02 0007").ascii("connect")                       // string "connect": the command name
            .hex("00 3FF0000000000000")                            // number 1.0: transaction id
            .hex("03")                                             // object: the command object
            .hex("0003").ascii("app")                              //   key "app"
            .hex("02 0004").ascii("live")                          //   string "live"
            .hex("0004").ascii("type")                             //   key "type"
            .hex("02 000A").ascii("nonprivate")                    //   string "nonprivate"
            .hex("0008").ascii("flashVer")                         //   key "flashVer"
            .hex("02 0024").ascii("FMLE/3.0 (compatible; Lavf59.27.100)") //   string, 36 bytes
            .hex("0005").ascii("tcUrl")                            //   key "tcUrl"
            .hex("02 001A").ascii("rtmp://127.0.0.1:1935/live")    //   string, 26 bytes
            .hex("0000 09")                                        // end of the command object
            .toArray();

    private static Map<String, Object> commandObject() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("app", "live");
        o.put("type", "nonprivate");
        o.put("flashVer", "FMLE/3.0 (compatible; Lavf59.27.100)");
        o.put("tcUrl", "rtmp://127.0.0.1:1935/live");
        return o;
    }

    @Test
    void writesTheConnectCommandByteForByte() {
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.writeAll(buf, "connect", 1.0, commandObject());
        assertEquals(WireBytes.hexOf(CONNECT), WireBytes.hexOf(WireBytes.of(buf)));
    }

    @Test
    void readsTheConnectCommandBackIntoNameTransactionAndObject() throws Exception {
        List<Object> values = Amf0Reader.readAll(Unpooled.wrappedBuffer(CONNECT));
        assertEquals(List.of("connect", 1.0, commandObject()), values);
        assertEquals(List.copyOf(commandObject().keySet()), List.copyOf(((Map<?, ?>) values.get(2)).keySet()),
                "property order is kept");
    }

    @Test
    void sizeOfAllValuesMatchesTheWrittenLength() {
        int size = Amf0Writer.sizeOf("connect") + Amf0Writer.sizeOf(1.0) + Amf0Writer.sizeOf(commandObject());
        assertEquals(CONNECT.length, size);
    }
}
