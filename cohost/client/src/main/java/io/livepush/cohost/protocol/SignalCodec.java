package io.livepush.cohost.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.HandoverMessage.HandoverRequest;
import io.livepush.cohost.protocol.HandoverMessage.HostLive;
import io.livepush.cohost.protocol.HandoverMessage.HostUnpublished;
import io.livepush.cohost.protocol.HandoverMessage.MixFailed;
import io.livepush.cohost.protocol.HandoverMessage.MixLive;
import io.livepush.cohost.protocol.HandoverMessage.MixReady;
import io.livepush.cohost.protocol.HandoverMessage.MixUnpublished;
import io.livepush.cohost.protocol.HandoverMessage.ReturnRequest;
import io.livepush.cohost.protocol.InvitationMessage.Accept;
import io.livepush.cohost.protocol.InvitationMessage.Cancel;
import io.livepush.cohost.protocol.InvitationMessage.Decline;
import io.livepush.cohost.protocol.InvitationMessage.Invitation;
import io.livepush.cohost.protocol.InvitationMessage.Invite;
import io.livepush.cohost.protocol.InvitationMessage.InviteResult;
import io.livepush.cohost.protocol.InvitationMessage.Invited;
import io.livepush.cohost.protocol.MediaMessage.Answer;
import io.livepush.cohost.protocol.MediaMessage.Ice;
import io.livepush.cohost.protocol.MediaMessage.Offer;
import io.livepush.cohost.protocol.ParticipationMessage.Join;
import io.livepush.cohost.protocol.ParticipationMessage.Joined;
import io.livepush.cohost.protocol.ParticipationMessage.Kick;
import io.livepush.cohost.protocol.ParticipationMessage.Leave;
import io.livepush.cohost.protocol.ParticipationMessage.Participant;
import io.livepush.cohost.protocol.SessionMessage.Error;
import io.livepush.cohost.protocol.SessionMessage.Hello;
import io.livepush.cohost.protocol.SessionMessage.Welcome;
import io.livepush.cohost.token.CohostToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON text of signaling messages, written and read with jackson-core's streaming API. A message is
 * one flat JSON object; {@code "type"} names it; absent optional fields and JSON {@code null} mean the
 * same; unknown fields are ignored so newer peers can add some; nested objects or arrays are refused.
 * Stateless and thread-safe.
 */
public final class SignalCodec {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(2).maxStringLength(SignalMessage.MAX_SDP_LENGTH * 2).build())
            .build();

    /** Longest JSON text {@link #decode} reads, in characters. */
    public static final int MAX_TEXT_LENGTH = 64 * 1024;

    private SignalCodec() {
    }

    /**
     * @param m the message
     * @return its JSON text, {@code "type"} first
     */
    public static String encode(SignalMessage m) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", m.type());
            if (m instanceof Hello h) {
                g.writeStringField("token", h.token());
            } else if (m instanceof Welcome w) {
                g.writeStringField("userId", w.userId());
                g.writeStringField("role", w.role().name());
                g.writeStringField("roomId", w.roomId());
            } else if (m instanceof Invite i) {
                g.writeStringField("toUserId", i.toUserId());
            } else if (m instanceof Invited i) {
                g.writeStringField("invitationId", i.invitationId());
                g.writeStringField("toUserId", i.toUserId());
                g.writeNumberField("expiresAtMs", i.expiresAtMs());
            } else if (m instanceof Invitation i) {
                g.writeStringField("invitationId", i.invitationId());
                g.writeStringField("fromUserId", i.fromUserId());
                g.writeStringField("roomId", i.roomId());
                g.writeNumberField("expiresAtMs", i.expiresAtMs());
            } else if (m instanceof InviteResult r) {
                g.writeStringField("invitationId", r.invitationId());
                g.writeStringField("outcome", r.outcome().name());
            } else if (m instanceof Accept a) {
                g.writeStringField("invitationId", a.invitationId());
            } else if (m instanceof Decline d) {
                g.writeStringField("invitationId", d.invitationId());
            } else if (m instanceof Cancel c) {
                g.writeStringField("invitationId", c.invitationId());
            } else if (m instanceof Join j) {
                g.writeStringField("invitationId", j.invitationId());
            } else if (m instanceof Joined j) {
                g.writeStringField("userId", j.userId());
            } else if (m instanceof Kick k) {
                g.writeStringField("userId", k.userId());
            } else if (m instanceof Participant p) {
                g.writeStringField("event", p.event().name());
                g.writeStringField("userId", p.userId());
            } else if (m instanceof Offer o) {
                g.writeStringField("sdp", o.sdp());
            } else if (m instanceof Answer a) {
                g.writeStringField("sdp", a.sdp());
            } else if (m instanceof Ice i) {
                g.writeStringField("sdpMid", i.sdpMid());
                g.writeNumberField("sdpMLineIndex", i.sdpMLineIndex());
                g.writeStringField("candidate", i.candidate());
            } else if (m instanceof HandoverRequest h) {
                g.writeNumberField("timeoutMs", h.timeoutMs());
            } else if (m instanceof MixFailed f) {
                g.writeStringField("stage", f.stage().name());
                g.writeStringField("reason", f.reason());
            } else if (m instanceof Error e) {
                g.writeStringField("code", e.code().name());
                g.writeStringField("message", e.message());
                g.writeStringField("inReplyTo", e.inReplyTo());
            }
            // Leave, MixReady, HostUnpublished, MixLive, ReturnRequest, MixUnpublished and HostLive have no fields.
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * @param json one JSON object
     * @return the message it holds
     * @throws CohostException {@code MALFORMED_MESSAGE} when it is not one flat JSON object with a string
     *     {@code "type"} and the fields that type requires; {@code UNKNOWN_MESSAGE} when the type is not known
     */
    public static SignalMessage decode(String json) throws CohostException {
        if (json == null || json.length() > MAX_TEXT_LENGTH) {
            throw malformed("message is " + (json == null ? "null" : json.length() + " characters")
                    + " (expected a JSON object of at most " + MAX_TEXT_LENGTH + ")");
        }
        Map<String, Object> f = fields(json);
        Object type = f.get("type");
        if (!(type instanceof String t)) {
            throw malformed("message has no string field \"type\"");
        }
        try {
            return switch (t) {
                case "hello" -> new Hello(str(f, "token"));
                case "welcome" -> new Welcome(str(f, "userId"), enumOf(CohostToken.Role.class, f, "role"), str(f, "roomId"));
                case "invite" -> new Invite(str(f, "toUserId"));
                case "invited" -> new Invited(str(f, "invitationId"), str(f, "toUserId"), num(f, "expiresAtMs"));
                case "invitation" -> new Invitation(str(f, "invitationId"), str(f, "fromUserId"), str(f, "roomId"),
                        num(f, "expiresAtMs"));
                case "inviteResult" -> new InviteResult(str(f, "invitationId"),
                        enumOf(InviteResult.Outcome.class, f, "outcome"));
                case "accept" -> new Accept(str(f, "invitationId"));
                case "decline" -> new Decline(str(f, "invitationId"));
                case "cancel" -> new Cancel(str(f, "invitationId"));
                case "join" -> new Join(optStr(f, "invitationId"));
                case "joined" -> new Joined(str(f, "userId"));
                case "leave" -> new Leave();
                case "kick" -> new Kick(str(f, "userId"));
                case "participant" -> new Participant(enumOf(Participant.Event.class, f, "event"), str(f, "userId"));
                case "offer" -> new Offer(str(f, "sdp"));
                case "answer" -> new Answer(str(f, "sdp"));
                case "ice" -> new Ice(optStr(f, "sdpMid"), Math.toIntExact(num(f, "sdpMLineIndex")), str(f, "candidate"));
                case "handoverRequest" -> new HandoverRequest(num(f, "timeoutMs"));
                case "mixReady" -> new MixReady();
                case "hostUnpublished" -> new HostUnpublished();
                case "mixLive" -> new MixLive();
                case "mixFailed" -> new MixFailed(enumOf(MixFailed.Stage.class, f, "stage"), str(f, "reason"));
                case "returnRequest" -> new ReturnRequest();
                case "mixUnpublished" -> new MixUnpublished();
                case "hostLive" -> new HostLive();
                case "error" -> new Error(enumOf(CohostErrorCode.class, f, "code"), str(f, "message"), optStr(f, "inReplyTo"));
                default -> throw new CohostException(CohostErrorCode.UNKNOWN_MESSAGE,
                        "message type '" + clip(t) + "' is not known");
            };
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            throw malformed(t + ": " + e.getMessage());
        }
    }

    /**
     * @param m a request
     * @return how an {@code error} replying to it names it: {@code TYPE} or {@code TYPE:SUBJECT}
     */
    public static String reference(SignalMessage m) {
        String subject = null;
        if (m instanceof Invite i) {
            subject = i.toUserId();
        } else if (m instanceof Accept a) {
            subject = a.invitationId();
        } else if (m instanceof Decline d) {
            subject = d.invitationId();
        } else if (m instanceof Cancel c) {
            subject = c.invitationId();
        } else if (m instanceof Join j) {
            subject = j.invitationId();
        } else if (m instanceof Kick k) {
            subject = k.userId();
        }
        return subject == null ? m.type() : m.type() + ":" + subject;
    }

    private static Map<String, Object> fields(String json) throws CohostException {
        Map<String, Object> f = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("message is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                Object value = switch (v) {
                    case VALUE_STRING -> p.getText();
                    case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? Double.valueOf(Double.NaN) : (Object) p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                    case VALUE_NULL -> null;
                    default -> throw malformed("field \"" + clip(name) + "\" is " + v + " (expected a string, number, boolean or null)");
                };
                if (f.containsKey(name)) {
                    throw malformed("field \"" + clip(name) + "\" appears twice");
                }
                f.put(name, value);
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw malformed("message is not one JSON object");
            }
        } catch (IOException e) {
            throw new CohostException(CohostErrorCode.MALFORMED_MESSAGE,
                    "message is not valid JSON: " + clip(String.valueOf(e.getMessage())), e);
        }
        return f;
    }

    private static String str(Map<String, Object> f, String name) {
        Object v = f.get(name);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("field \"" + name + "\" is " + describe(v) + " (expected a string)");
        }
        return s;
    }

    private static String optStr(Map<String, Object> f, String name) {
        return f.get(name) == null ? null : str(f, name);
    }

    private static long num(Map<String, Object> f, String name) {
        Object v = f.get(name);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("field \"" + name + "\" is " + describe(v) + " (expected an integer)");
        }
        return l;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Map<String, Object> f, String name) {
        String s = str(f, name);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"" + name + "\" is '" + clip(s) + "' (expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "missing";
        }
        return v instanceof String ? "a string" : v instanceof Boolean ? "a boolean" : "the number " + v;
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static CohostException malformed(String message) {
        return new CohostException(CohostErrorCode.MALFORMED_MESSAGE, message);
    }
}
