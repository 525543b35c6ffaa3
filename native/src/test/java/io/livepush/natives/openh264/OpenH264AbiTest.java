package io.livepush.natives.openh264;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenH264AbiTest {

    @Test
    void releasesTwoZeroToTwoFiveFitTheBindings() {
        for (String v : new String[] {"2.0.0", "2.1.1", "2.2.0", "2.3.1", "2.4.1", "2.5.0"}) {
            assertNull(OpenH264Abi.unsupportedReason(v), v);
        }
    }

    @Test
    void twoSixAndOneXAreRefusedWithAReason() {
        for (String v : new String[] {"2.6.0", "3.0.0", "1.8.0"}) {
            String reason = OpenH264Abi.unsupportedReason(v);
            assertNotNull(reason, v);
            assertTrue(reason.contains(v) && reason.contains("2.0 to 2.5"), reason);
        }
        assertNotNull(OpenH264Abi.unsupportedReason(null));
        assertNotNull(OpenH264Abi.unsupportedReason("x.y"));
    }
}
