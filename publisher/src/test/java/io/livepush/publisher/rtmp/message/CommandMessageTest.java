package io.livepush.publisher.rtmp.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AMF0 command messages (Adobe RTMP 1.0, §7.1.1, §7.2.1.1) byte-exact, and their decoding limits. */
class CommandMessageTest {

    private static String hex(String annotated) {
        StringBuilder sb = new StringBuilder();
        for (String line : annotated.split("\n")) {
            sb.append(line.strip().split("\\s{2,}")[0].replace(" ", ""));
        }
        return sb.toString();
    }

    @Test
    void connectCommandBodyIsTheNameTransactionIdAndCommandObjectInAmf0() throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("app", "live");
        props.put("type", "nonprivate");
        props.put("flashVer", "FMLE/3.0");
        props.put("tcUrl", "rtmp://h/live");
        props.put("objectEncoding", 0.0);
        RtmpMessage m = CommandMessage.of("connect", 1, props).toMessage(ByteBufAllocator.DEFAULT, 0);
        try {
            assertEquals(hex("""
                    02 0007 636f6e6e656374                      string "connect"
                    00 3ff0000000000000                         number 1.0 (transaction id)
                    03                                          object marker
                    0003 617070 02 0004 6c697665                app: "live"
                    0004 74797065 02 000a 6e6f6e70726976617465  type: "nonprivate"
                    0008 666c617368566572 02 0008 464d4c452f332e30   flashVer: "FMLE/3.0"
                    0005 746355726c 02 000d 72746d703a2f2f682f6c697665   tcUrl: "rtmp://h/live"
                    000e 6f626a656374456e636f64696e67 00 0000000000000000   objectEncoding: 0
                    000009                                      object end
                    """), ByteBufUtil.hexDump(m.payload()));
            assertEquals(ChunkStreamIds.COMMAND, m.chunkStreamId());
            assertEquals(20, m.typeId());
            CommandMessage back = CommandMessage.fromMessage(m);
            assertEquals("connect", back.name());
            assertEquals(1.0, back.transactionId());
            assertEquals(props, back.commandObject());
        } finally {
            m.release();
        }
    }

    @Test
    void nullArgumentsSurviveTheRoundTrip() throws Exception {
        RtmpMessage m = CommandMessage.of("deleteStream", 6, null, 1.0, null).toMessage(ByteBufAllocator.DEFAULT, 0);
        try {
            CommandMessage back = CommandMessage.fromMessage(m);
            assertEquals(Arrays.asList(1.0, null), back.arguments());
        } finally {
            m.release();
        }
    }

    @Test
    void bareCommandNameAsFfmpegSendsOnFcPublishHasTransactionId0() throws Exception {
        RtmpMessage m = new RtmpMessage(3, 20, 0, 0, Unpooled.wrappedBuffer(
                ByteBufUtil.decodeHexDump("02000b6f6e46435075626c697368")));   // string "onFCPublish" only
        try {
            assertEquals(new CommandMessage("onFCPublish", 0, null, java.util.List.of()), CommandMessage.fromMessage(m));
        } finally {
            m.release();
        }
    }

    @Test
    void commandWithANonNumberTransactionIdIsAProtocolError() {
        RtmpMessage m = new RtmpMessage(3, 20, 0, 0, Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0200015805")));
        try {
            RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> CommandMessage.fromMessage(m));
            assertEquals("command message starts with [String, null] (expected a string name and a number"
                    + " transaction id)", e.getMessage());
        } finally {
            m.release();
        }
    }
}
