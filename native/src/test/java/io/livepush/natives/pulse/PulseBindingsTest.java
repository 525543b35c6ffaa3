package io.livepush.natives.pulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PulseBindingsTest {

    @Test
    void structLayoutsMatchTheCHeaders() {
        // pa_sample_spec: enum (4) + uint32_t (4) + uint8_t padded to 4 = 12; pa_buffer_attr: 5 x uint32_t.
        assertEquals(12, new PaSampleSpec(PulseSimple.PA_SAMPLE_S16LE, 48_000, 2).size());
        assertEquals(20, PaBufferAttr.forRecord(1920, 19200).size());
        assertEquals(16, PulseClient.SourceInfoCallback.DESCRIPTION_OFFSET);
        assertEquals(28, PulseClient.SourceInfoCallback.RATE_OFFSET);
    }

    @Test
    void connectingToAServerThatIsNotThereFailsWithAReadableError() {
        Assumptions.assumeTrue(PulseSimple.unavailableReason() == null, "libpulse-simple absent");
        IntByReference error = new IntByReference();
        Pointer s = PulseSimple.load().pa_simple_new("unix:/nonexistent/livepush/native", "livepush-test",
                PulseSimple.PA_STREAM_RECORD, null, "test", new PaSampleSpec(PulseSimple.PA_SAMPLE_S16LE, 48_000, 2),
                null, PaBufferAttr.forRecord(1920, 19200), error);
        assertNull(s);
        assertTrue(error.getValue() > 0, "PA_ERR code " + error.getValue());
        String text = PulseClient.load().pa_strerror(error.getValue());
        assertTrue(text != null && !text.isBlank(), text);
    }
}
