package io.livepush.cohost.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.HandoverMessage.MixFailed.Stage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-exact JSON of the audience-key handover messages (cohost/HANDOVER.md), both ways. */
class HandoverMessagesTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                // host -> mixer: take the audience key; the mixer may take 2500 ms to get ready (and to publish)
                Arguments.of(new HandoverMessage.HandoverRequest(2500), "{\"type\":\"handoverRequest\",\"timeoutMs\":2500}"),
                // mixer -> host: every participant delivered a picture; unpublish now
                Arguments.of(new HandoverMessage.MixReady(), "{\"type\":\"mixReady\"}"),
                // host -> mixer: the host's stream has left the key; publish
                Arguments.of(new HandoverMessage.HostUnpublished(), "{\"type\":\"hostUnpublished\"}"),
                // mixer -> host: the ingest accepted the mix
                Arguments.of(new HandoverMessage.MixLive(), "{\"type\":\"mixLive\"}"),
                // mixer -> host: failed, with the stage (READY: host untouched; PUBLISH: host must publish again)
                Arguments.of(new HandoverMessage.MixFailed(Stage.READY, "guest sent no picture"),
                        "{\"type\":\"mixFailed\",\"stage\":\"READY\",\"reason\":\"guest sent no picture\"}"),
                Arguments.of(new HandoverMessage.MixFailed(Stage.PUBLISH, "NetStream.Publish.BadName"),
                        "{\"type\":\"mixFailed\",\"stage\":\"PUBLISH\",\"reason\":\"NetStream.Publish.BadName\"}"),
                // mixer -> host: no hostUnpublished in time after mixReady; the mix never published
                Arguments.of(new HandoverMessage.MixFailed(Stage.HOST_UNPUBLISH, "no hostUnpublished within 300 ms"),
                        "{\"type\":\"mixFailed\",\"stage\":\"HOST_UNPUBLISH\",\"reason\":\"no hostUnpublished within 300 ms\"}"),
                // host -> mixer: give the key back (or abandon a handover)
                Arguments.of(new HandoverMessage.ReturnRequest(), "{\"type\":\"returnRequest\"}"),
                // mixer -> host: the mix has left the key
                Arguments.of(new HandoverMessage.MixUnpublished(), "{\"type\":\"mixUnpublished\"}"),
                // host -> mixer: the host's own stream holds the key again
                Arguments.of(new HandoverMessage.HostLive(), "{\"type\":\"hostLive\"}"),
                // mixer -> guest: only the session's host may hand the key over
                Arguments.of(new SessionMessage.Error(CohostErrorCode.NOT_HOST, "only a host may hand the audience over; you are GUEST",
                        "handoverRequest"), "{\"type\":\"error\",\"code\":\"NOT_HOST\",\"message\":\"only a host may hand the audience"
                        + " over; you are GUEST\",\"inReplyTo\":\"handoverRequest\"}"),
                Arguments.of(new SessionMessage.Error(CohostErrorCode.HANDOVER_OUT_OF_ORDER, "m", "hostUnpublished"),
                        "{\"type\":\"error\",\"code\":\"HANDOVER_OUT_OF_ORDER\",\"message\":\"m\",\"inReplyTo\":\"hostUnpublished\"}"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesToTheExactJsonAndDecodesBack(SignalMessage m, String json) throws Exception {
        assertEquals(json, SignalCodec.encode(m));
        assertEquals(m, SignalCodec.decode(json));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 99, 120_001, -5})
    void aHandoverTimeoutOutside100MsTo120SIsRefused(long ms) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HandoverMessage.HandoverRequest(ms));
        assertEquals("timeoutMs is " + ms + " (expected 100..120000)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"handoverRequest\"}",
        "{\"type\":\"handoverRequest\",\"timeoutMs\":\"5000\"}",
        "{\"type\":\"handoverRequest\",\"timeoutMs\":50}",
        "{\"type\":\"mixFailed\",\"stage\":\"LATER\",\"reason\":\"r\"}",
        "{\"type\":\"mixFailed\",\"stage\":\"READY\"}"})
    void brokenHandoverMessagesAreMalformed(String json) {
        CohostException e = assertThrows(CohostException.class, () -> SignalCodec.decode(json));
        assertEquals(CohostErrorCode.MALFORMED_MESSAGE, e.code(), e.getMessage());
    }

    @Test
    void aRefusedHandoverMessageIsNamedByItsTypeAlone() {
        assertEquals("handoverRequest", SignalCodec.reference(new HandoverMessage.HandoverRequest(1000)));
        assertEquals("hostUnpublished", SignalCodec.reference(new HandoverMessage.HostUnpublished()));
    }
}
