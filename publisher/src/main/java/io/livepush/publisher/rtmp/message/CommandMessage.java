package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Command Message, AMF0, message type 20 (Adobe RTMP 1.0, §7.1.1 and §7.2 "Command Types"): the command name, a
 * transaction id, a command object (often {@code null}) and optional further arguments, written one after the
 * other in AMF0. Commands on the connection ({@code connect}, {@code createStream}) use message stream 0; stream
 * commands ({@code publish}, {@code deleteStream} answers) use the stream's id.
 *
 * @param name          the command name, e.g. {@code "connect"}, {@code "_result"}, {@code "onStatus"}
 * @param transactionId the transaction id (0 when no answer is expected)
 * @param commandObject the command object: a {@code Map<String, ?>} or {@code null}
 * @param arguments     further arguments, AMF0-encodable values; may contain {@code null}
 */
public record CommandMessage(String name, double transactionId, Object commandObject, List<Object> arguments) {

    /**
     * Validates the name and copies the arguments.
     *
     * @param name          the command name, never null or empty
     * @param transactionId the transaction id (0 when no answer is expected)
     * @param commandObject the command object: a {@code Map<String, ?>} or {@code null}
     * @param arguments     further arguments, copied into an unmodifiable list; {@code null} means none; may
     *                      contain {@code null}
     * @throws IllegalArgumentException when the name is null or empty
     */
    public CommandMessage {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("command name is " + (name == null ? "null" : "empty")
                    + " (expected a name such as connect)");
        }
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments == null ? List.of() : arguments));
    }

    /**
     * @param name          the command name
     * @param transactionId the transaction id
     * @param commandObject the command object or {@code null}
     * @param arguments     further arguments (may contain {@code null})
     * @return the command
     */
    public static CommandMessage of(String name, double transactionId, Object commandObject, Object... arguments) {
        List<Object> args = new ArrayList<>(arguments.length);
        Collections.addAll(args, arguments);
        return new CommandMessage(name, transactionId, commandObject, args);
    }

    /**
     * @param index position among the arguments after the command object
     * @return the argument, or {@code null} when there are fewer arguments
     */
    public Object argument(int index) {
        return index < arguments.size() ? arguments.get(index) : null;
    }

    /**
     * Encodes the command into one exactly sized buffer.
     *
     * @param alloc           the allocator for the payload
     * @param messageStreamId 0 for connection commands, else the stream id
     * @return the message on {@link ChunkStreamIds#COMMAND}, timestamp 0
     * @throws IllegalArgumentException when a value cannot be written as AMF0
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc, int messageStreamId) {
        List<Object> values = new ArrayList<>(3 + arguments.size());
        values.add(name);
        values.add(transactionId);
        values.add(commandObject);
        values.addAll(arguments);
        return new RtmpMessage(ChunkStreamIds.COMMAND, RtmpMessageType.COMMAND_AMF0.id(), 0, messageStreamId,
                AmfPayloads.encode(alloc, values));
    }

    /**
     * @param message a type-20 message (not released)
     * @return the decoded command
     * @throws RtmpProtocolException when the body is not AMF0, does not start with a name, or has a transaction id
     *                               that is not a number (a missing one reads as 0)
     */
    public static CommandMessage fromMessage(RtmpMessage message) throws RtmpProtocolException {
        List<Object> values = AmfPayloads.decode(message, RtmpMessageType.COMMAND_AMF0);
        // FFmpeg's server sends some notifications (onFCPublish) as a bare name: a missing transaction id is 0.
        if (values.isEmpty() || !(values.get(0) instanceof String name) || name.isEmpty()
                || (values.size() > 1 && !(values.get(1) instanceof Number))) {
            throw new RtmpProtocolException("command message starts with " + values.subList(0, Math.min(2,
                    values.size())).stream().map(v -> v == null ? "null" : v.getClass().getSimpleName()).toList()
                    + " (expected a string name and a number transaction id)");
        }
        double txn = values.size() > 1 ? ((Number) values.get(1)).doubleValue() : 0;
        Object commandObject = values.size() > 2 ? values.get(2) : null;
        List<Object> args = values.size() > 3 ? values.subList(3, values.size()) : List.of();
        return new CommandMessage(name, txn, commandObject, args);
    }

    @Override
    public String toString() {
        return "CommandMessage[" + name + ", txn=" + (long) transactionId + "]";
    }
}
