package io.livepush.cohost.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.SignalMessage.InviteResult.Outcome;
import io.livepush.cohost.protocol.SignalMessage.Participant.Event;
import io.livepush.cohost.token.CohostToken.Role;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalCodecTest {

    static Stream<SignalMessage> everyMessage() {
        return Stream.of(
                new SignalMessage.Hello("abc.def"),
                new SignalMessage.Welcome("bob", Role.GUEST, "room-1"),
                new SignalMessage.Invite("bob"),
                new SignalMessage.Invited("inv-1", "bob", 1_700_000_000_123L),
                new SignalMessage.Invitation("inv-1", "alice", "room-1", 1_700_000_000_123L),
                new SignalMessage.InviteResult("inv-1", Outcome.ACCEPTED),
                new SignalMessage.InviteResult("inv-2", Outcome.CANCELLED),
                new SignalMessage.Accept("inv-1"),
                new SignalMessage.Decline("inv-1"),
                new SignalMessage.Cancel("inv-1"),
                new SignalMessage.Join("inv-1"),
                new SignalMessage.Join(null),
                new SignalMessage.Joined("bob"),
                new SignalMessage.Leave(),
                new SignalMessage.Kick("bob"),
                new SignalMessage.Participant(Event.JOINED, "bob"),
                new SignalMessage.Participant(Event.LEFT, "bob"),
                new SignalMessage.Offer("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"),
                new SignalMessage.Answer("v=0\r\n\"quoted\" \\ \u00e9\r\n"),
                new SignalMessage.Ice("0", 0, "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host"),
                new SignalMessage.Ice(null, 3, ""),
                new SignalMessage.HandoverRequest(10_000),
                new SignalMessage.MixReady(),
                new SignalMessage.HostUnpublished(),
                new SignalMessage.MixLive(),
                new SignalMessage.MixFailed(SignalMessage.MixFailed.Stage.PUBLISH, "ingest refused"),
                new SignalMessage.ReturnRequest(),
                new SignalMessage.MixUnpublished(),
                new SignalMessage.HostLive(),
                new SignalMessage.Error(CohostErrorCode.NOT_HOST, "only a host may invite", "invite:bob"),
                new SignalMessage.Error(CohostErrorCode.INTERNAL, "x", null));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageSurvivesARoundTrip(SignalMessage m) throws Exception {
        assertEquals(m, SignalCodec.decode(SignalCodec.encode(m)));
    }

    @Test
    void everyMessageTypeIsCoveredByTheRoundTripTable() {
        String covered = everyMessage().map(SignalMessage::type).distinct().sorted().collect(Collectors.joining(","));
        String declared = Arrays.stream(SignalMessage.class.getPermittedSubclasses())
                .map(c -> Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1))
                .sorted().collect(Collectors.joining(","));
        assertEquals(declared, covered);
    }

    @Test
    void writesTypeFirstThenTheFieldsInDeclarationOrder() {
        assertEquals("{\"type\":\"invitation\",\"invitationId\":\"i\",\"fromUserId\":\"alice\",\"roomId\":\"r\",\"expiresAtMs\":42}",
                SignalCodec.encode(new SignalMessage.Invitation("i", "alice", "r", 42)));
        assertEquals("{\"type\":\"ice\",\"sdpMid\":\"0\",\"sdpMLineIndex\":1,\"candidate\":\"c\"}",
                SignalCodec.encode(new SignalMessage.Ice("0", 1, "c")));
        assertEquals("{\"type\":\"leave\"}", SignalCodec.encode(new SignalMessage.Leave()));
        assertEquals("{\"type\":\"join\",\"invitationId\":null}", SignalCodec.encode(new SignalMessage.Join(null)));
    }

    @Test
    void readsFieldsInAnyOrderIgnoresUnknownOnesAndTreatsAbsentOptionalFieldsAsNull() throws Exception {
        assertEquals(new SignalMessage.Ice(null, 2, "c"),
                SignalCodec.decode("{\"candidate\":\"c\",\"future\":[],\"sdpMLineIndex\":2,\"type\":\"ice\"}".replace("[]", "true")));
        assertEquals(new SignalMessage.Join(null), SignalCodec.decode("{\"type\":\"join\"}"));
    }

    @Test
    void anUnknownTypeIsUnknownMessage() {
        CohostException e = assertThrows(CohostException.class, () -> SignalCodec.decode("{\"type\":\"teleport\"}"));
        assertEquals(CohostErrorCode.UNKNOWN_MESSAGE, e.code());
        assertEquals("message type 'teleport' is not known", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "\"hello\"", "{\"type\":\"hello\"", "{}", "{\"type\":7}",
        "{\"type\":\"hello\"}",
        "{\"type\":\"hello\",\"token\":5}",
        "{\"type\":\"hello\",\"token\":\"\"}",
        "{\"type\":\"invite\",\"toUserId\":{\"x\":1}}",
        "{\"type\":\"invite\",\"toUserId\":\"a\",\"toUserId\":\"b\"}",
        "{\"type\":\"welcome\",\"userId\":\"a\",\"role\":\"ADMIN\",\"roomId\":\"r\"}",
        "{\"type\":\"ice\",\"sdpMLineIndex\":1.5,\"candidate\":\"c\"}",
        "{\"type\":\"ice\",\"sdpMLineIndex\":99999999999,\"candidate\":\"c\"}",
        "{\"type\":\"ice\",\"sdpMLineIndex\":-1,\"candidate\":\"c\"}",
        "{\"type\":\"error\",\"code\":\"NOPE\",\"message\":\"m\"}",
        "{\"type\":\"leave\"} {\"type\":\"leave\"}"})
    void brokenMessagesAreMalformed(String json) {
        CohostException e = assertThrows(CohostException.class, () -> SignalCodec.decode(json));
        assertEquals(CohostErrorCode.MALFORMED_MESSAGE, e.code(), e.getMessage());
    }

    @Test
    void malformedMessagesSayWhatWasExpected() {
        CohostException e = assertThrows(CohostException.class,
                () -> SignalCodec.decode("{\"type\":\"invite\",\"toUserId\":5}"));
        assertEquals("invite: field \"toUserId\" is the number 5 (expected a string)", e.getMessage());
    }

    @Test
    void textLongerThan64KibIsRefusedUnparsed() {
        String huge = "{\"type\":\"offer\",\"sdp\":\"" + "a".repeat(70_000) + "\"}";
        CohostException e = assertThrows(CohostException.class, () -> SignalCodec.decode(huge));
        assertEquals(CohostErrorCode.MALFORMED_MESSAGE, e.code());
    }

    @Test
    void errorsNameTheRefusedRequestByTypeAndSubject() {
        assertEquals("accept:inv-9", SignalCodec.reference(new SignalMessage.Accept("inv-9")));
        assertEquals("kick:bob", SignalCodec.reference(new SignalMessage.Kick("bob")));
        assertEquals("join", SignalCodec.reference(new SignalMessage.Join(null)));
        assertEquals("offer", SignalCodec.reference(new SignalMessage.Offer("v=0")));
        SignalMessage.Error err = new SignalMessage.Error(CohostErrorCode.NOT_INVITED, "m", "accept:inv-9");
        assertEquals("accept", err.inReplyToType());
        assertEquals("inv-9", err.inReplyToSubject());
    }

    @Test
    void theHelloTokenIsNotPrintedByToString() {
        assertEquals("Hello[token=<7 chars>]", new SignalMessage.Hello("abc.def").toString());
    }
}
