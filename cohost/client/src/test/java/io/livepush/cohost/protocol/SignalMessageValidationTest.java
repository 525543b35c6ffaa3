package io.livepush.cohost.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The refusals of the signaling records name the field, the value given and what is allowed. */
class SignalMessageValidationTest {
    private static final String LONG_ID = "x".repeat(SignalMessage.MAX_ID_LENGTH + 1);
    private static final String LONG_SDP = "s".repeat(SignalMessage.MAX_SDP_LENGTH + 1);

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of((Executable) () -> new SessionMessage.Hello(""), "token is 0 characters (expected 1..4096)"),
                Arguments.of((Executable) () -> new InvitationMessage.Invite(LONG_ID),
                        "toUserId is 129 characters (expected 1..128)"),
                Arguments.of((Executable) () -> new InvitationMessage.Invitation("i", "", "r", 0),
                        "fromUserId is 0 characters (expected 1..128)"),
                Arguments.of((Executable) () -> new ParticipationMessage.Join(""),
                        "invitationId is 0 characters (expected 1..128)"),
                Arguments.of((Executable) () -> new MediaMessage.Offer(LONG_SDP),
                        "sdp is 60001 characters (expected 1..60000)"),
                Arguments.of((Executable) () -> new MediaMessage.Ice("", 0, "c"),
                        "sdpMid is 0 characters (expected 1..128)"),
                Arguments.of((Executable) () -> new MediaMessage.Ice("0", 1024, "c"),
                        "sdpMLineIndex is 1024 (expected 0..1023)"),
                Arguments.of((Executable) () -> new MediaMessage.Ice("0", -1, "c"),
                        "sdpMLineIndex is -1 (expected 0..1023)"),
                Arguments.of((Executable) () -> new MediaMessage.Ice(null, 0, LONG_SDP),
                        "candidate is 60001 characters (expected at most 60000)"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aBadFieldIsRefusedWithItsNameValueAndAllowedRange(Executable construct, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construct).getMessage());
    }

    @Test
    void aMissingRequiredTextIsRefusedNamingTheField() {
        assertEquals("userId", assertThrows(NullPointerException.class, () -> new ParticipationMessage.Joined(null))
                .getMessage());
        assertEquals("candidate", assertThrows(NullPointerException.class, () -> new MediaMessage.Ice("0", 0, null))
                .getMessage());
    }

    @Test
    void optionalFieldsAcceptNullAndTheCandidateMayBeEmpty() {
        assertDoesNotThrow(() -> new ParticipationMessage.Join(null));
        assertDoesNotThrow(() -> new MediaMessage.Ice(null, 0, ""));
        assertDoesNotThrow(() -> new InvitationMessage.Accept("x".repeat(SignalMessage.MAX_ID_LENGTH)));
    }
}
