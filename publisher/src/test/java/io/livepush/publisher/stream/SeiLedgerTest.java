package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SeiLedger} follows what the encoder wrote by the SEI NAL units of each access unit. */
class SeiLedgerTest {
    private static final byte[] SLICE = {0x41, 1, 2};
    private static final byte[] IDR = {0x65, 1, 2};

    private static SeiUserDataUnregistered message(String text) {
        return SeiUserDataUnregistered.of(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static EncodedVideoFrame au(boolean key, SeiUserDataUnregistered... carried) {
        List<byte[]> nals = new ArrayList<>();
        for (SeiUserDataUnregistered m : carried) {
            nals.add(m.toNalUnit());
        }
        nals.add(key ? IDR : SLICE);
        return new EncodedVideoFrame(nals, 0, 0, key);
    }

    private static List<String> texts(List<byte[]> payloads) {
        return payloads.stream().map(p -> new String(p, java.nio.charset.StandardCharsets.US_ASCII)).toList();
    }

    @Test
    void aPayloadCarriedOnceLeavesTheLedgerAndComesWithItsFrame() {
        SeiLedger ledger = new SeiLedger();
        ledger.add(message("a"), SeiRepeat.once());
        assertEquals(List.of(), ledger.carried(au(false)), "a frame without SEI carries nothing");
        assertEquals(List.of("a"), texts(ledger.carried(au(false, message("a")))));
        assertEquals(0, ledger.pendingCount());
        assertEquals(List.of(), ledger.close("closed"));
    }

    @Test
    void equalPayloadsInOneFrameCountOncePerEntryOldestFirst() {
        SeiLedger ledger = new SeiLedger();
        ledger.add(message("x"), SeiRepeat.frames(2));
        ledger.add(message("x"), SeiRepeat.once());
        assertEquals(List.of("x", "x"), texts(ledger.carried(au(false, message("x"), message("x")))));
        assertEquals(1, ledger.pendingCount(), "the repeated one waits for its second frame");
        assertEquals(List.of("x"), texts(ledger.carried(au(false, message("x")))));
        assertEquals(0, ledger.pendingCount());
    }

    @Test
    void closeHandsBackOnlyPayloadsNoFrameCarriedAndLaterAddsAreRefusedWithTheReason() {
        SeiLedger ledger = new SeiLedger();
        ledger.add(message("started"), SeiRepeat.frames(3));
        ledger.add(message("waiting"), SeiRepeat.keyframes(1));
        ledger.carried(au(false, message("started")));
        List<byte[]> unsent = ledger.close("the source ended");
        assertEquals(List.of("waiting"), texts(unsent), "a payload that reached a frame is not lost");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ledger.add(message("late"), SeiRepeat.once()));
        assertEquals("the source ended", e.getMessage());
        assertEquals(List.of(), ledger.close("closed again"));
    }

    @Test
    void aWithdrawnEntryIsNeitherMatchedNorReported() {
        SeiLedger ledger = new SeiLedger();
        SeiLedger.Entry e = ledger.add(message("refused"), SeiRepeat.once());
        ledger.withdraw(e);
        assertEquals(List.of(), ledger.carried(au(true, message("refused"))));
        assertEquals(List.of(), ledger.close("closed"));
        assertArrayEquals(new byte[] {'r', 'e', 'f', 'u', 's', 'e', 'd'}, e.payload);
    }
}
