package io.livepush.publisher.stream;

import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;

/**
 * The SEI payloads a {@link LiveStream} accepted from {@link LiveStream#sendSei} that no encoded
 * frame has carried yet, so that none is lost without a word (DESIGN.md: "never lost silently").
 *
 * <p>The encoder keeps its own queue and decides which frame carries which message; this ledger
 * learns what happened by looking at each encoded access unit: an SEI NAL unit equal to a pending
 * entry's NAL unit counts as one carriage of the oldest such entry (equal payloads are
 * interchangeable). An entry leaves the ledger after as many carriages as its repeat asks for
 * (keyframes-only repeats are counted on the keyframes that carry them, as the encoder does). When
 * the frames end (the source ended, the stream closed), {@link #close} hands back the payloads no
 * frame carried at all, to be reported; a payload that reached a frame is not lost, even when its
 * repeat was cut short. After that {@link #add} refuses. Thread-safe: any thread adds, the encoder
 * thread matches.
 */
final class SeiLedger {
    private final LinkedList<Entry> pending = new LinkedList<>();
    private String closedBecause;

    /**
     * Records a payload before it is handed to the encoder.
     *
     * @param message the message the encoder is about to queue
     * @param repeat the repeat it is queued with
     * @return the entry, to {@link #withdraw} when the encoder refuses the message
     * @throws IllegalStateException after {@link #close}, with the reason given there
     */
    synchronized Entry add(SeiUserDataUnregistered message, SeiRepeat repeat) {
        if (closedBecause != null) {
            throw new IllegalStateException(closedBecause);
        }
        Entry e = new Entry(message.payload(), message.toNalUnit(), repeat.count());
        pending.add(e);
        return e;
    }

    /** Forgets an entry the encoder did not queue (its queue was full). */
    synchronized void withdraw(Entry entry) {
        pending.remove(entry);
    }

    /**
     * Notes which pending payloads an encoded access unit carries.
     *
     * @param au the access unit as the encoder returned it
     * @return the payloads it carries that were sent through the stream, possibly empty
     */
    synchronized List<byte[]> carried(EncodedVideoFrame au) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<byte[]> out = List.of();
        List<Entry> matched = new ArrayList<>(2);
        for (byte[] nal : au.nalUnits()) {
            if (nal.length == 0 || (nal[0] & 0x1F) != SeiUserDataUnregistered.NAL_UNIT_TYPE) {
                continue;
            }
            for (Entry e : pending) {
                // Each pending message is written once per frame: an equal NAL unit later in the
                // same frame belongs to the next equal entry.
                if (!matched.contains(e) && Arrays.equals(e.nal, nal)) {
                    matched.add(e);
                    if (out.isEmpty()) {
                        out = new ArrayList<>(2);
                    }
                    out.add(e.payload);
                    break;
                }
            }
        }
        for (Entry e : matched) {
            e.carried++;
            if (e.carried == e.repeats) {
                pending.remove(e);
            }
        }
        return out;
    }

    /**
     * Stops accepting payloads and hands back those no frame carried at all.
     *
     * @param refusal the message {@link #add} throws from now on; the first call's reason stays
     * @return the payloads still pending, oldest first, possibly empty
     */
    synchronized List<byte[]> close(String refusal) {
        if (closedBecause == null) {
            closedBecause = refusal;
        }
        List<byte[]> out = new ArrayList<>(pending.size());
        for (Entry e : pending) {
            if (e.carried == 0) {
                out.add(e.payload);
            }
        }
        pending.clear();
        return out;
    }

    /** @return how many accepted payloads still wait for a frame (a repeated one until its last) */
    synchronized int pendingCount() {
        return pending.size();
    }

    /** Validates a repeat before anything is recorded. */
    static void requireRepeat(SeiRepeat repeat) {
        if (repeat == null) {
            throw new IllegalArgumentException(
                    "SEI repeat is null (expected SeiRepeat.once(), frames(n) or keyframes(n))");
        }
    }

    /** One accepted payload, the NAL unit the encoder writes for it and how often it was carried. */
    static final class Entry {
        final byte[] payload;
        final byte[] nal;
        final int repeats;
        int carried;

        Entry(byte[] payload, byte[] nal, int repeats) {
            this.payload = payload;
            this.nal = nal;
            this.repeats = repeats;
        }
    }
}
