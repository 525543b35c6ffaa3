package io.livepush.cohost.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.InvitationMessage.InviteResult.Outcome;
import io.livepush.cohost.protocol.ParticipationMessage.Participant.Event;
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
                new SessionMessage.Hello("abc.def"),
                new SessionMessage.Welcome("bob", Role.GUEST, "room-1"),
                new InvitationMessage.Invite("bob"),
                new InvitationMessage.Invited("inv-1", "bob", 1_700_000_000_123L),
                new InvitationMessage.Invitation("inv-1", "alice", "room-1", 1_700_000_000_123L),
                new InvitationMessage.InviteResult("inv-1", Outcome.ACCEPTED),
                new InvitationMessage.InviteResult("inv-2", Outcome.CANCELLED),
                new InvitationMessage.Accept("inv-1"),
                new InvitationMessage.Decline("inv-1"),
                new InvitationMessage.Cancel("inv-1"),
                new ParticipationMessage.Join("inv-1"),
                new ParticipationMessage.Join(null),
                new ParticipationMessage.Joined("bob"),
                new ParticipationMessage.Leave(),
                new ParticipationMessage.Kick("bob"),
                new ParticipationMessage.Participant(Event.JOINED, "bob"),
                new ParticipationMessage.Participant(Event.LEFT, "bob"),
                new MediaMessage.Offer("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"),
                new MediaMessage.Answer("v=0\r\n\"quoted\" \\ \u00e9\r\n"),
                new MediaMessage.Ice("0", 0, "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host"),
                new MediaMessage.Ice(null, 3, ""),
                new HandoverMessage.HandoverRequest(10_000),
                new HandoverMessage.MixReady(),
                new HandoverMessage.HostUnpublished(),
                new HandoverMessage.MixLive(),
                new HandoverMessage.MixFailed(HandoverMessage.MixFailed.Stage.PUBLISH, "ingest refused"),
                new HandoverMessage.ReturnRequest(),
                new HandoverMessage.MixUnpublished(),
                new HandoverMessage.HostLive(),
                new SessionMessage.Error(CohostErrorCode.NOT_HOST, "only a host may invite", "invite:bob"),
                new SessionMessage.Error(CohostErrorCode.INTERNAL, "x", null));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageSurvivesARoundTrip(SignalMessage m) throws Exception {
        assertEquals(m, SignalCodec.decode(SignalCodec.encode(m)));
    }

    @Test
    void everyMessageTypeIsCoveredByTheRoundTripTable() {
        String covered = everyMessage().map(SignalMessage::type).distinct().sorted().collect(Collectors.joining(","));
        String declared = messageRecords(SignalMessage.class)
                .map(c -> Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1))
                .sorted().collect(Collectors.joining(","));
        assertEquals(declared, covered);
    }

    /** The records under a sealed type, through its sealed sub-interfaces. */
    private static Stream<Class<?>> messageRecords(Class<?> type) {
        return type.isSealed()
                ? Arrays.stream(type.getPermittedSubclasses()).flatMap(SignalCodecTest::messageRecords)
                : Stream.of(type);
    }

    @Test
    void writesTypeFirstThenTheFieldsInDeclarationOrder() {
        assertEquals("{\"type\":\"invitation\",\"invitationId\":\"i\",\"fromUserId\":\"alice\",\"roomId\":\"r\",\"expiresAtMs\":42}",
                SignalCodec.encode(new InvitationMessage.Invitation("i", "alice", "r", 42)));
        assertEquals("{\"type\":\"ice\",\"sdpMid\":\"0\",\"sdpMLineIndex\":1,\"candidate\":\"c\"}",
                SignalCodec.encode(new MediaMessage.Ice("0", 1, "c")));
        assertEquals("{\"type\":\"leave\"}", SignalCodec.encode(new ParticipationMessage.Leave()));
        assertEquals("{\"type\":\"join\",\"invitationId\":null}", SignalCodec.encode(new ParticipationMessage.Join(null)));
    }

    @Test
    void readsFieldsInAnyOrderIgnoresUnknownOnesAndTreatsAbsentOptionalFieldsAsNull() throws Exception {
        assertEquals(new MediaMessage.Ice(null, 2, "c"),
                SignalCodec.decode("{\"candidate\":\"c\",\"future\":[],\"sdpMLineIndex\":2,\"type\":\"ice\"}".replace("[]", "true")));
        assertEquals(new ParticipationMessage.Join(null), SignalCodec.decode("{\"type\":\"join\"}"));
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
        assertEquals("accept:inv-9", SignalCodec.reference(new InvitationMessage.Accept("inv-9")));
        assertEquals("kick:bob", SignalCodec.reference(new ParticipationMessage.Kick("bob")));
        assertEquals("join", SignalCodec.reference(new ParticipationMessage.Join(null)));
        assertEquals("offer", SignalCodec.reference(new MediaMessage.Offer("v=0")));
        SessionMessage.Error err = new SessionMessage.Error(CohostErrorCode.NOT_INVITED, "m", "accept:inv-9");
        assertEquals("accept", err.inReplyToType());
        assertEquals("inv-9", err.inReplyToSubject());
    }

    @Test
    void theHelloTokenIsNotPrintedByToString() {
        assertEquals("Hello[token=<7 chars>]", new SessionMessage.Hello("abc.def").toString());
    }
}
